package io.sessionlauncher.bench.measure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

class DirectStartTest {

  @Test
  void timesUntilTheReadyLineEvenWhenItArrivesInPieces() throws Exception {
    DirectStart direct =
        new DirectStart(
            List.of(
                "/bin/sh", "-c", "printf 'starting re'; sleep 0.1; printf 'ady'; exec sleep 30"),
            "ready");
    Process process;
    try (DirectStart.Started started = direct.start()) {
      process = started.process();
      assertTrue(started.nanos() > 0);
      assertTrue(process.isAlive());
    }
    assertFalse(process.isAlive());
  }

  @Test
  void failsWhenTheOutputEndsFirst() {
    DirectStart direct = new DirectStart(List.of("/bin/sh", "-c", "echo nope"), "ready");
    assertThrows(IOException.class, direct::start);
  }

  @Test
  void startsABurstAtOnce() throws Exception {
    DirectStart direct =
        new DirectStart(List.of("/bin/sh", "-c", "echo ready; exec sleep 30"), "ready");
    List<Callable<DirectStart.Started>> tasks =
        List.of(direct::start, direct::start, direct::start);
    AtOnce.Outcome<DirectStart.Started> outcome = AtOnce.run(tasks);
    outcome.results().forEach(DirectStart.Started::close);
    assertTrue(outcome.failures().isEmpty(), outcome.failures().toString());
    assertTrue(outcome.results().size() == 3 && outcome.nanos() > 0);
  }
}
