package io.sessionlauncher.model;

/**
 * Every host/port pair of the pool is in use, or an application has reached its session limit; the
 * client may retry later.
 */
public class ResourcesExhaustedException extends LauncherException {
  private static final long serialVersionUID = 1L;

  /** The reference launcher's exact wording, which existing clients may show to users. */
  public static final String MESSAGE = "All the resources are currently taken";

  public ResourcesExhaustedException() {
    super(MESSAGE);
  }

  /** For a limit other than the pool's, with a message naming it. */
  public ResourcesExhaustedException(String message) {
    super(message);
  }
}
