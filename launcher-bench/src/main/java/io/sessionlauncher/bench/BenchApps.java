package io.sessionlauncher.bench;

import io.sessionlauncher.engine.config.ConfigLoader;
import io.sessionlauncher.engine.template.SessionTemplates;
import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.ResourceRange;
import io.sessionlauncher.model.SessionId;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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

  /**
   * The wslink test app: request values {@code cmd} and {@code cmd2} under sanitize rules, passed
   * to a script that is ready 2.5 ms after it starts.
   */
  public static final String SANITIZED = "sanitized";

  /**
   * The request wslink's own test sends ({@code tests/test-wslink.conf}): both values fail their
   * rules and are replaced by the rules' defaults.
   */
  public static final Map<String, String> SANITIZED_REQUEST =
      Map.of("cmd", "meX", "cmd2", "hello\"912");

  // The sleep durations of launcher.json, chosen to be unlike any other process's arguments.
  private static final Pattern SLEEP_MARK = Pattern.compile("\\bsleep 3600\\.[1234]\\b");
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

  /**
   * The command the launcher runs for a request, expanded by the launcher's own templates (sanitize
   * rules, properties, request values), so it can be started directly for comparison.
   *
   * @param values the request's keys besides {@code application}
   */
  public List<String> expandedCommand(String app, Map<String, String> values) {
    AppConfig appConfig =
        config
            .app(app)
            .orElseThrow(() -> new BenchmarkException("launcher.json has no app '" + app + "'"));
    Map<String, Object> request = new LinkedHashMap<>(values);
    request.put("application", app);
    ResourceRange range = config.resources().get(0);
    SessionTemplates.Expansion expansion =
        SessionTemplates.expand(
            config,
            appConfig,
            new LaunchRequest(app, request, LaunchRequest.ANONYMOUS),
            SessionId.random(),
            new HostPort(range.host(), range.firstPort()),
            "bench");
    List<String> argv = expansion.argv();
    if (argv.isEmpty()) {
      throw new BenchmarkException(app + " has no cmd in launcher.json");
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
