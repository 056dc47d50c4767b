package io.sessionlauncher.engine.testing;

/**
 * Kept for the session and process tests while they are rewritten: hands over to {@link
 * io.sessionlauncher.testing.FreePorts}, which new tests use directly.
 */
public final class FreePorts {
  private FreePorts() {}

  /** See {@link io.sessionlauncher.testing.FreePorts#find()}. */
  public static int find() {
    return io.sessionlauncher.testing.FreePorts.find();
  }

  /** See {@link io.sessionlauncher.testing.FreePorts#range(int)}. */
  public static int range(int count) {
    return io.sessionlauncher.testing.FreePorts.range(count);
  }

  /** See {@link io.sessionlauncher.testing.FreePorts#isFree(int)}. */
  public static boolean isFree(int port) {
    return io.sessionlauncher.testing.FreePorts.isFree(port);
  }
}
