package io.sessionlauncher.bench.jmh;

import io.sessionlauncher.engine.config.ConfigLoader;
import io.sessionlauncher.engine.template.SessionTemplates;
import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.SessionId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link SessionTemplates#expand}: the whole expansion of one launch (sanitize, sessionURL, cmd,
 * sessionData) for a configuration like the ParaViewWeb visualizer's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SessionTemplatesBenchmark {
  private static final String CONFIG =
      """
      {
        "configuration": {
          "host": "127.0.0.1", "port": 9280, "endpoint": "paraview",
          "proxy_file": "proxy/proxy-mapping.txt",
          "sessionURL": "ws://${host}:${port}/ws",
          "timeout": 60, "log_dir": "logs/sessions", "fields": ["file", "user"],
          "sanitize": {
            "file": {"type": "regexp", "regexp": "[A-Za-z0-9_./-]+", "default": "empty.vtk"}
          }
        },
        "resources": [{"host": "127.0.0.1", "port_range": [31000, 32199]}],
        "properties": {
          "python_exec": "/opt/paraview/bin/pvpython",
          "visualizer": "/opt/paraview/share/visualizer/server/pvw-visualizer.py",
          "data": "/data"
        },
        "apps": {
          "visualizer": {
            "cmd": ["${python_exec}", "-dr", "${visualizer}", "--port", "${port}",
                    "--data", "${data}", "--load-file", "${file}", "--authKey", "${secret}"],
            "ready_line": "Starting factory"
          }
        },
        "sessionData": {"user": "${owner}", "updir": "/upload/${id}"}
      }
      """;

  private LauncherConfig config;
  private AppConfig app;
  private LaunchRequest request;
  private final SessionId id =
      new SessionId(UUID.fromString("3f1c2a64-8f9e-4d2b-9a51-0c7e7f3b2d11"));
  private final HostPort resource = new HostPort("127.0.0.1", 31000);

  @Setup
  public void setUp() {
    config = new ConfigLoader().parse(CONFIG, null);
    app = config.app("visualizer").orElseThrow();
    request =
        new LaunchRequest(
            "visualizer",
            Map.of("application", "visualizer", "file", "can.ex2", "owner", "alice"),
            LaunchRequest.ANONYMOUS);
  }

  @Benchmark
  public SessionTemplates.Expansion expand() {
    return SessionTemplates.expand(config, app, request, id, resource, "Qh2mXr8KzP4vT7wN1bY6cL0s");
  }
}
