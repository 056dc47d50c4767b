package io.sessionlauncher.engine.testing;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs a {@code main} class of the test fixtures in a new JVM of the running
 * Java, with settings that make it start fast.
 */
public final class JavaProgram {
  private JavaProgram() {}

  /** The java launcher of the running JVM. */
  public static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /**
   * {@code java -cp <where main comes from> main args...}; the class path is the folder or jar that
   * holds {@code main}, so {@code main} may use the JDK only.
   */
  public static List<String> command(Class<?> main, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(java().toString());
    argv.add("-Xshare:auto");
    argv.add("-XX:TieredStopAtLevel=1");
    argv.add("-XX:+UseSerialGC");
    argv.add("-Xmx32m");
    argv.add("-cp");
    argv.add(classPathOf(main).toString());
    argv.add(main.getName());
    argv.addAll(List.of(args));
    return argv;
  }

  /** {@link #command} as a launcher.json {@code cmd}, with {@code $} escaped. */
  public static List<String> template(Class<?> main, String... args) {
    return io.sessionlauncher.testing.LauncherJson.literal(command(main, args));
  }

  private static Path classPathOf(Class<?> main) {
    try {
      return Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate " + main, e);
    }
  }
}
