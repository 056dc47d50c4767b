package io.sessionlauncher.bench.report;

import io.sessionlauncher.bench.server.Machine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The results as a Markdown table under a heading that names the machine and the run. */
public final class ResultTable {
  private final List<ResultRow> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  public void add(ResultRow row) {
    rows.add(row);
  }

  public void addAll(List<ResultRow> more) {
    rows.addAll(more);
  }

  /** A line printed under the heading, such as the machine's load during the run. */
  public void note(String note) {
    notes.add(note);
  }

  public List<ResultRow> rows() {
    return List.copyOf(rows);
  }

  /** Rows whose target was not met or whose measurement failed. */
  public List<ResultRow> shortfalls() {
    return rows.stream()
        .filter(row -> row.verdict() == Verdict.MISSED || row.verdict() == Verdict.FAILED)
        .toList();
  }

  /**
   * @param machine where it ran
   * @param runSeconds how long the whole run took
   */
  public String markdown(Machine machine, double runSeconds) {
    StringBuilder out = new StringBuilder();
    out.append("# Session Launcher benchmark\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "Machine: %d cores (%s), %.1f GiB memory, %s; %s; %s. Run took %.0f s.%n%n",
            machine.cores(),
            machine.cpu(),
            machine.memoryGib(),
            machine.os(),
            machine.java(),
            machine.liberty(),
            runSeconds));
    for (String note : notes) {
      out.append(note).append("\n\n");
    }
    out.append("| Measurement | Figure | Target | Met |\n");
    out.append("|---|---|---|---|\n");
    for (ResultRow row : rows) {
      out.append("| ")
          .append(cell(row.measurement()))
          .append(" | ")
          .append(cell(row.figure()))
          .append(" | ")
          .append(cell(row.target()))
          .append(" | ")
          .append(row.verdict().cell())
          .append(" |\n");
    }
    return out.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
