package io.sessionlauncher.demo;

/**
 * The server could not bind its address, most often because another process holds the port.
 *
 * <p>Kept apart from other start-up failures because the launcher reacts to it differently: it may
 * pick another port and try again.
 */
public final class ListenException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the address and the reason, for a person to read
   * @param cause the bind failure reported by the operating system
   */
  public ListenException(String message, Throwable cause) {
    super(message, cause);
  }
}
