package io.sessionlauncher.bench;

/** A benchmark step could not be carried out: the server answered wrongly, or a tool failed. */
public class BenchmarkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BenchmarkException(String message) {
    super(message);
  }

  public BenchmarkException(String message, Throwable cause) {
    super(message, cause);
  }
}
