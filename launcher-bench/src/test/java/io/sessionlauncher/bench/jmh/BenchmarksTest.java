package io.sessionlauncher.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks compute what they claim to, and JMH's annotation processor registered them; no
 * timing is taken here.
 */
class BenchmarksTest {

  @Test
  void templateBenchmarksExpandTheirTemplates() {
    TemplateExpanderBenchmark templates = new TemplateExpanderBenchmark();
    assertEquals("ws://127.0.0.1:31000/ws", templates.sessionUrl());
    assertEquals("--ready-delay-ms", templates.plainArgument());
    assertEquals("demo/demo-session.jar", templates.demoCommand().get(2));

    SessionTemplatesBenchmark session = new SessionTemplatesBenchmark();
    session.setUp();
    assertEquals("ws://127.0.0.1:31000/ws", session.expand().sessionUrl());
    assertTrue(session.expand().argv().contains("can.ex2"), session.expand().argv().toString());
  }

  @Test
  void poolBenchmarkHandsOutTheFirstFreePair() {
    ResourcePoolBenchmark benchmark = new ResourcePoolBenchmark();
    ResourcePoolBenchmark.Bookkeeping state = new ResourcePoolBenchmark.Bookkeeping();
    state.taken = 1000;
    state.setUp();
    assertEquals(32000, benchmark.acquireRelease(state).port());
    assertEquals(32000, benchmark.acquireRelease(state).port());
  }

  @Test
  void everyBenchmarkIsRegistered() throws IOException {
    try (InputStream list = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
      assertNotNull(list, "JMH's annotation processor did not run");
      String text = new String(list.readAllBytes(), StandardCharsets.UTF_8);
      for (String name :
          List.of(
              "TemplateExpanderBenchmark_sessionUrl_jmhTest",
              "SessionTemplatesBenchmark_expand_jmhTest",
              "ResourcePoolBenchmark_acquireRelease_jmhTest",
              "ResourcePoolBenchmark_acquireReleaseWithBindProbe_jmhTest")) {
        assertTrue(text.contains(name), name);
      }
    }
  }
}
