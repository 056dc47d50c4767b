package io.sessionlauncher.model;

/**
 * A limit on one caller's share of the launcher was reached: the sessions one user may have, or the
 * sessions that may be starting at once. Nothing was started; the caller may retry later (a REST
 * layer answers 429 with {@code Retry-After}). The message names the limit.
 */
public class LimitReachedException extends LauncherException {
  private static final long serialVersionUID = 1L;

  public LimitReachedException(String message) {
    super(message);
  }
}
