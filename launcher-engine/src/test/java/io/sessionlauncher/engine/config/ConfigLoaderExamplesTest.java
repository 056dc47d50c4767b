package io.sessionlauncher.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.ResourceRange;
import io.sessionlauncher.model.SanitizeRule;
import io.sessionlauncher.model.ServerSettings;
import io.sessionlauncher.model.Supervision;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real configurations of {@code examples/configs/} (copied unchanged into the test resources)
 * load, and every value comes out as the file means it.
 */
class ConfigLoaderExamplesTest {
  private final ConfigLoader loader = new ConfigLoader();

  static Path example(String name) {
    URL url = ConfigLoaderExamplesTest.class.getResource("/configs/" + name);
    if (url == null) {
      throw new IllegalStateException("missing test resource configs/" + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void trameDockerDefault() {
    Path file = example("trame-docker-default.json");
    LauncherConfig config = loader.load(file);

    assertEquals(file, config.source());
    ServerSettings c = config.configuration();
    assertEquals("0.0.0.0", c.host());
    assertEquals(9000, c.port());
    assertEquals("paraview", c.endpoint());
    assertEquals(Path.of("/opt/trame/proxy-mapping.txt"), c.proxyFile());
    assertEquals("ws://USE_HOST/proxy?sessionId=${id}&path=ws", c.sessionUrl());
    assertEquals(Duration.ofSeconds(25), c.timeout());
    assertEquals(Path.of("/deploy/server/logs/launcher"), c.logDir());
    assertEquals(List.of(), c.fields());
    assertTrue(c.sanitize().isEmpty());
    assertNull(c.content());
    assertNull(c.uploadDir());
    assertEquals(Supervision.DEFAULTS.withDataDir(c.logDir()), c.supervision());
    assertEquals(List.of(new ResourceRange("0.0.0.0", 9001, 9500)), config.resources());
    assertEquals(500, config.resources().get(0).pairs().size());
    assertTrue(config.apps().isEmpty());
    assertTrue(config.properties().isEmpty());
    assertTrue(config.sessionData().isEmpty());
  }

  @Test
  void wslinkTestSanitize() {
    LauncherConfig config = loader.load(example("wslink-test-sanitize.json"));

    ServerSettings c = config.configuration();
    assertEquals("localhost", c.host());
    assertEquals(Path.of("/tmp/proxy-mapping.txt"), c.proxyFile());
    assertEquals("ws://${host}:${port}/ws", c.sessionUrl());
    assertEquals(Path.of("/tmp"), c.logDir());

    Map<String, SanitizeRule> rules = c.sanitize();
    assertEquals(2, rules.size());
    SanitizeRule.InList cmd = assertInstanceOf(SanitizeRule.InList.class, rules.get("cmd"));
    assertEquals(List.of("me", "you", "something/else/altogether", "nothing-to-do"), cmd.values());
    assertEquals("nothing-to-do", cmd.defaultValue());
    SanitizeRule.Regexp cmd2 = assertInstanceOf(SanitizeRule.Regexp.class, rules.get("cmd2"));
    assertEquals("^[-\\w./]+$", cmd2.pattern().pattern());
    assertEquals("nothing", cmd2.defaultValue());

    assertEquals(
        Map.of(
            "test",
            AppConfig.command("test", List.of("echo", "${cmd} ${cmd2}"), "Starting factory")),
        config.apps());
    assertEquals(List.of(new ResourceRange("localhost", 9001, 9003)), config.resources());
  }

  @Test
  void medicalViewerResolvesRelativePathsAgainstItsFolder() {
    Path file = example("medical-viewer.json");
    LauncherConfig config = loader.load(file);

    ServerSettings c = config.configuration();
    Path folder = file.getParent();
    assertEquals("viewer", c.endpoint());
    assertEquals(folder.resolve("launcher"), c.logDir());
    assertEquals(folder.resolve("proxy").resolve("proxy-mapping.txt"), c.proxyFile());
    assertEquals("ws://192.168.1.190:8081/proxy?sessionId=${id}&path=ws", c.sessionUrl());
    assertEquals(List.of(new ResourceRange("192.168.1.190", 9001, 9500)), config.resources());

    AppConfig viewer = config.app("viewer").orElseThrow();
    assertEquals(
        List.of(
            "poetry",
            "run",
            "python",
            "vtk_server.py",
            "--host",
            "${host}",
            "--port",
            "${port}",
            "--authKey",
            "${secret}",
            "--studyUUID",
            "${studyUUID}",
            "--seriesUUID",
            "${seriesUUID}"),
        Apps.cmd(viewer));
    assertEquals("Starting factory", Apps.readyLine(viewer));
  }

  @Test
  void vtkDocumentedSampleWithHashComments() {
    LauncherConfig config = loader.load(example("vtk-web-documented-sample.json"));

    ServerSettings c = config.configuration();
    assertEquals("localhost", c.host());
    assertEquals(8080, c.port());
    assertEquals("paraview", c.endpoint());
    assertEquals(Path.of("/.../www"), c.content());
    assertEquals(Path.of("/.../proxy-mapping.txt"), c.proxyFile());
    assertEquals("ws://${host}:${port}/ws", c.sessionUrl());
    assertEquals(Duration.ofSeconds(25), c.timeout());
    assertEquals(Path.of("/.../viz-logs"), c.logDir());
    assertEquals(Path.of("/.../data"), c.uploadDir());
    assertEquals(List.of("file", "host", "port", "updir"), c.fields());

    assertEquals(Map.of("updir", "/Home"), config.sessionData());
    assertEquals(List.of(new ResourceRange("localhost", 9001, 9003)), config.resources());
    assertEquals(
        List.of(new HostPort("localhost", 9001), new HostPort("localhost", 9002)),
        config.resources().get(0).pairs().subList(0, 2));
    assertEquals(6, config.properties().size());
    assertEquals("/.../VTK/build/bin/vtkpython", config.properties().get("vtkpython"));
    assertEquals(
        List.of("cone", "graph", "visualizer", "your_app"), List.copyOf(config.apps().keySet()));
    assertEquals(
        List.of("${vtkpython}", "${vtk_python_path}/vtk_web_cone.py", "--port", "$port"),
        Apps.cmd(config.app("cone").orElseThrow()));
    assertEquals(
        "Output line from your shell script indicating process is ready",
        Apps.readyLine(config.app("your_app").orElseThrow()));
    assertFalse(Apps.cmd(config.app("visualizer").orElseThrow()).isEmpty());
  }
}
