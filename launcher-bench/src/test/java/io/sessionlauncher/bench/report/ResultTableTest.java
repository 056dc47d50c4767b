package io.sessionlauncher.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.bench.server.Machine;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

  @Test
  void writesOneRowPerFigureWithItsTargetAndVerdict() {
    ResultTable table = new ResultTable();
    table.add(new ResultRow("Overhead p50", "1.20 ms", "≤ 5.00 ms", Verdict.MET));
    table.add(new ResultRow("GET | 16", "9,000 req/s", "≥ 10,000 req/s", Verdict.MISSED));
    table.add(ResultRow.info("RSS", "300.0 MiB"));
    table.add(ResultRow.failed("memory", new IllegalStateException("jcmd\nfailed")));

    String markdown =
        table.markdown(new Machine(2, 23.5, "cpu", "Linux", "Java 17", "Open Liberty 26"), 321);

    assertTrue(markdown.contains("Machine: 2 cores (cpu), 23.5 GiB memory"), markdown);
    assertTrue(markdown.contains("Run took 321 s."), markdown);
    assertTrue(markdown.contains("| Overhead p50 | 1.20 ms | ≤ 5.00 ms | yes |"), markdown);
    assertTrue(markdown.contains("| GET \\| 16 | 9,000 req/s | ≥ 10,000 req/s | **no** |"));
    assertTrue(markdown.contains("| RSS | 300.0 MiB | - | - |"), markdown);
    assertTrue(markdown.contains("| memory | jcmd failed | - | **failed** |"), markdown);
    assertEquals(
        List.of("GET | 16", "memory"),
        table.shortfalls().stream().map(ResultRow::measurement).toList());
  }
}
