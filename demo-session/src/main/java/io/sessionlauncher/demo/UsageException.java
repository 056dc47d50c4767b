package io.sessionlauncher.demo;

/** A command line the demo session cannot run with; its message says what is wrong. */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with the command line, for a person to read
   */
  public UsageException(String message) {
    super(message);
  }
}
