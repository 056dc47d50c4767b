package io.sessionlauncher.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.LauncherJson;
import io.sessionlauncher.testing.Waits;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * {@code java -jar session-launcher.jar}: it serves the configuration it carries, takes another
 * {@code launcher.json} from {@code LAUNCHER_CONFIG}, and a SIGTERM to it leaves no process behind.
 */
class RunnableJarIT {

  @Test
  void servesTheDefaultConfigurationItCarries(TestInfo test) throws Exception {
    // No LAUNCHER_CONFIG (RunnableJar removes this JVM's): the server.xml variable's default.
    try (RunnableJar jar = RunnableJar.start(workDir(test), Map.of())) {
      Http http = new Http(jar.base());

      Http.Answer sessions = http.get("paraview/");
      assertEquals(200, sessions.status(), sessions.body());
      assertEquals(0, sessions.json().getJsonArray("sessions").size(), sessions.body());
      // The example plugin from the jar's plugins/ folder, seen by the application.
      Http.Answer plugins = http.get("plugins");
      assertEquals(200, plugins.status(), plugins.body());
      assertTrue(plugins.body().contains("\"product\":\"greeter\""), plugins.body());
      // The default pages (configuration.content is "www" beside the default launcher.json).
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(jar.base().resolve("index.html")).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("<html"), page.body());

      jar.terminate();
    }
  }

  @Test
  void launcherConfigNamesAnotherFileAndSigtermStopsItsSessions(TestInfo test) throws Exception {
    Path dir = workDir(test);
    int first = Integer.parseInt(RunnableJar.required("dist.it.pool.first"));
    int last = Integer.parseInt(RunnableJar.required("dist.it.pool.last"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    LauncherJson config =
        LauncherJson.in(dir.resolve("config"))
            .resource("127.0.0.1", first, last)
            .timeout(60)
            .app(
                "echo",
                List.of(
                    java.toString(),
                    "-jar",
                    RunnableJar.required("dist.it.demo.jar"),
                    "--host",
                    "${host}",
                    "--port",
                    "${port}"),
                "Starting factory");
    Path file = config.write();

    Optional<ProcessHandle> session = Optional.empty();
    try (RunnableJar jar = RunnableJar.start(dir, Map.of("LAUNCHER_CONFIG", file.toString()))) {
      Http http = new Http(jar.base());
      // The shipped configuration's apps are not there: this file is the one read.
      Http.Answer unknown = http.post("paraview/", "{\"application\": \"demo\"}");
      assertEquals(400, unknown.status(), unknown.body());

      Http.Answer created = http.post("paraview/", "{\"application\": \"echo\"}");
      assertEquals(200, created.status(), created.body());
      int port = URI.create(created.json().getString("sessionURL")).getPort();
      assertTrue(port >= first && port <= last, created.body());
      session = demoOnPort(port);
      assertTrue(session.isPresent(), "no demo process on port " + port);
      assertTrue(
          Files.readString(config.proxyFile()).contains(created.json().getString("id")),
          "proxy file of the named launcher.json");

      jar.terminate();
      ProcessHandle process = session.orElseThrow();
      Waits.until(
          "the session process " + process.pid() + " ended after SIGTERM to the server",
          Duration.ofSeconds(30),
          () -> !process.isAlive());
      assertEquals("", Files.readString(config.proxyFile()));
    } finally {
      session.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private static Optional<ProcessHandle> demoOnPort(int port) {
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .filter(
            p -> {
              String line = p.info().commandLine().orElse("");
              return line.contains("demo-session") && line.contains("--port " + port);
            })
        .findFirst();
  }

  private static Path workDir(TestInfo test) throws Exception {
    Path dir =
        Path.of(RunnableJar.required("dist.it.dir"))
            .resolve(test.getTestMethod().orElseThrow().getName());
    if (Files.exists(dir)) {
      // A previous run's unpacked server and session files: each run starts from the jar.
      try (var paths = Files.walk(dir)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Files.createDirectories(dir);
    return dir;
  }
}
