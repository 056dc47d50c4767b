package io.sessionlauncher.rest.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.spi.LauncherPlugin;
import io.sessionlauncher.testing.Waits;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The in-process launcher in a child JVM ({@link InProcessLauncherMain}), so that a test can kill
 * it with SIGKILL and start another on the same configuration. Its output goes to {@code
 * <folder>/<name>.log}.
 */
public final class ChildLauncher implements AutoCloseable {
  private final Process process;
  private final URI base;

  private ChildLauncher(Process process, URI base) {
    this.process = process;
    this.base = base;
  }

  /** Starts a launcher on {@code config} and waits (bounded) until it serves. */
  public static ChildLauncher start(Path config, Path folder, String name) throws IOException {
    return start(config, folder, name, System.getProperty("java.class.path"));
  }

  /**
   * Starts a launcher on {@code config} with {@code plugin} registered for it alone (a services
   * file in {@code folder}, on its class path only), and waits (bounded) until it serves.
   */
  public static ChildLauncher start(
      Path config, Path folder, String name, Class<? extends LauncherPlugin<?>> plugin)
      throws IOException {
    Path services = folder.resolve("plugins").resolve("META-INF").resolve("services");
    Files.createDirectories(services);
    Files.writeString(services.resolve(LauncherPlugin.class.getName()), plugin.getName() + "\n");
    return start(
        config,
        folder,
        name,
        System.getProperty("java.class.path")
            + java.io.File.pathSeparator
            + folder.resolve("plugins"));
  }

  private static ChildLauncher start(Path config, Path folder, String name, String classPath)
      throws IOException {
    Path ready = folder.resolve(name + ".uri");
    Path log = folder.resolve(name + ".log");
    Process process =
        new ProcessBuilder(
                DemoApp.java(),
                "-cp",
                classPath,
                InProcessLauncherMain.class.getName(),
                config.toString(),
                ready.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      Waits.until(
          () -> "launcher " + name + " to start; its output: " + read(log),
          Duration.ofSeconds(60),
          () -> {
            if (!process.isAlive()) {
              throw new AssertionError("launcher " + name + " exited: " + read(log));
            }
            return Files.exists(ready);
          });
      return new ChildLauncher(process, URI.create(Files.readString(ready)));
    } catch (IOException | RuntimeException | AssertionError e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** The launcher's base URI, ending in {@code /}. */
  public URI base() {
    return base;
  }

  /** The launcher's process id, to read its descriptors in {@code /proc}. */
  public long pid() {
    return process.pid();
  }

  /**
   * Stops the launcher as an operator would, with SIGTERM (its shutdown hook closes it), and waits
   * (bounded) until it is gone.
   */
  public void stop() throws InterruptedException {
    process.destroy();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the stopped launcher is gone");
  }

  /** Kills the launcher with SIGKILL, as a crash would, and waits until it is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the killed launcher is gone");
  }

  /** Kills the launcher if it still runs; waits (bounded) until it is gone. */
  @Override
  public void close() {
    try {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(" + e + ")";
    }
  }
}
