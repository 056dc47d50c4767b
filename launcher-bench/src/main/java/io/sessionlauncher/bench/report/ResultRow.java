package io.sessionlauncher.bench.report;

/**
 * One line of the results table.
 *
 * @param measurement what was measured, and how
 * @param figure the measured value, with its unit
 * @param target the goal for it, or {@code "-"}
 * @param verdict whether the figure meets the target
 */
public record ResultRow(String measurement, String figure, String target, Verdict verdict) {

  /** A figure without a target. */
  public static ResultRow info(String measurement, String figure) {
    return new ResultRow(measurement, figure, "-", Verdict.INFO);
  }

  /** A measurement that could not be made, with the reason in place of the figure. */
  public static ResultRow failed(String measurement, Throwable error) {
    String reason = error.getMessage() == null ? error.toString() : error.getMessage();
    return new ResultRow(measurement, reason.replace('\n', ' '), "-", Verdict.FAILED);
  }
}
