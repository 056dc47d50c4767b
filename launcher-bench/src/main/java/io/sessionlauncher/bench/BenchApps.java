package io.sessionlauncher.bench;

import io.sessionlauncher.engine.config.ConfigLoader;
import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.LauncherConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The applications of the benchmark's {@code launcher.json}, read from the server's own copy so the
 * harness starts exactly the commands the launcher starts, and the marks that tell the benchmark's
 * session processes apart from every other process on the machine.
 */
public final class BenchApps {
  /** Prints its ready line at once, then sleeps. */
  public static final String INSTANT = "instant";

  /** The small sleeping app of the memory test. */
  public static final String SLEEPER = "sleeper";

  /** The demo jar: a JVM that listens on its port. */
  public static final String DEMO = "demo";

  /** A shell that keeps a child, so a stop has a process tree to take. */
  public static final String WRAPPED = "wrapped";

  // The sleep durations of launcher.json, chosen to be unlike any other process's arguments.
  private static final Pattern SLEEP_MARK = Pattern.compile("\\bsleep 3600\\.[123]\\b");
  private static final Pattern DEMO_PORT = Pattern.compile("demo-session\\.jar .*--port (\\d+)");

  private final LauncherConfig config;

  private BenchApps(LauncherConfig config) {
    this.config = config;
  }

  /** Reads the server's {@code launcher.json}. */
  public static BenchApps load(Path launcherJson) {
    return new BenchApps(new ConfigLoader().load(launcherJson));
  }

  public LauncherConfig config() {
    return config;
  }

  /** The configured command of an app without template variables, as the launcher runs it. */
  public List<String> plainCommand(String app) {
    Object cmd = settings(app).get("cmd");
    if (!(cmd instanceof List<?> arguments) || arguments.isEmpty()) {
      throw new BenchmarkException(app + " has no cmd in launcher.json");
    }
    List<String> argv = arguments.stream().map(String::valueOf).toList();
    if (argv.stream().anyMatch(argument -> argument.contains("$"))) {
      throw new BenchmarkException(app + "'s command has variables; cannot start it directly");
    }
    return argv;
  }

  /** The app's ready line; the harness only starts apps that have one. */
  public String readyLine(String app) {
    Object line = settings(app).get("ready_line");
    if (!(line instanceof String text) || text.isEmpty()) {
      throw new BenchmarkException(app + " has no ready_line in launcher.json");
    }
    return text;
  }

  private Map<String, Object> settings(String name) {
    AppConfig app =
        config
            .app(name)
            .orElseThrow(() -> new BenchmarkException("launcher.json has no app '" + name + "'"));
    return app.config() == null ? Map.of() : app.config();
  }

  /** Whether a command line is one of this benchmark's session processes. */
  public boolean isSessionProcess(String commandLine) {
    if (SLEEP_MARK.matcher(commandLine).find()) {
      return true;
    }
    Matcher demo = DEMO_PORT.matcher(commandLine);
    if (!demo.find()) {
      return false;
    }
    int port = Integer.parseInt(demo.group(1));
    return config.resources().stream()
        .anyMatch(range -> port >= range.firstPort() && port <= range.lastPort());
  }
}
