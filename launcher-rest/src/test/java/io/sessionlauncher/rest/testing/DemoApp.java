package io.sessionlauncher.rest.testing;

import io.sessionlauncher.demo.DemoSession;
import io.sessionlauncher.engine.testing.JavaProgram;
import io.sessionlauncher.testing.LauncherJson;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The demo session app as the REST tests launch it, and the configuration they start from. */
public final class DemoApp {
  /** What the demo session prints once it listens. */
  public static final String READY_LINE = "Starting factory";

  private DemoApp() {}

  /** The demo session app's runnable jar (or classes folder in an IDE). */
  public static String jar() {
    try {
      return Path.of(DemoSession.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The java launcher of the JVM running the tests, to start the demo session with. */
  public static String java() {
    return JavaProgram.java().toString();
  }

  /**
   * The REST tests' configuration in {@code folder}: the pool {@code firstPort..lastPort} on
   * loopback, 20 s to be ready, {@code host} and {@code port} returned to the client, and the
   * properties {@code java} and {@code demo} for the commands to use.
   */
  public static LauncherJson configuration(Path folder, int firstPort, int lastPort) {
    return LauncherJson.in(folder)
        .resource("127.0.0.1", firstPort, lastPort)
        .timeout(20)
        .fields("host", "port")
        .property("java", java())
        .property("demo", jar());
  }

  /**
   * An app entry running the demo session on {@code ${host}:${port}}, ready when it prints {@link
   * #READY_LINE}, with {@code extraArgs} after its own.
   */
  public static Map<String, Object> app(String... extraArgs) {
    List<String> cmd =
        new ArrayList<>(
            List.of("${java}", "-jar", "${demo}", "--host", "${host}", "--port", "${port}"));
    cmd.addAll(List.of(extraArgs));
    Map<String, Object> app = new LinkedHashMap<>();
    app.put("cmd", cmd);
    app.put("ready_line", READY_LINE);
    return app;
  }

  /** {@link #app} with more keys in its entry, such as {@code max_sessions}. */
  public static Map<String, Object> app(Map<String, ?> more) {
    Map<String, Object> app = app();
    app.putAll(more);
    return app;
  }
}
