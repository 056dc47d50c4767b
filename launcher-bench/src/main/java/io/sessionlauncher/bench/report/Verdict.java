package io.sessionlauncher.bench.report;

/** How a figure stands against its target. */
public enum Verdict {
  MET("yes"),
  MISSED("**no**"),
  /** A figure with no target, shown for context. */
  INFO("-"),
  /** The measurement could not be made. */
  FAILED("**failed**");

  private final String cell;

  Verdict(String cell) {
    this.cell = cell;
  }

  /** The text of the table's last column. */
  public String cell() {
    return cell;
  }

  public static Verdict of(boolean met) {
    return met ? MET : MISSED;
  }
}
