package io.sessionlauncher.rest.http;

import static io.sessionlauncher.rest.testing.JsonErrors.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sessionlauncher.rest.testing.FreePorts;
import io.sessionlauncher.rest.testing.Http;
import io.sessionlauncher.rest.testing.Http.Answer;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.rest.testing.LauncherJson;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code "cors_origins": ["*"]}: every origin, answered with a star rather than its name. */
class CorsWildcardTest {
  @TempDir static Path folder;
  private static InProcessLauncher launcher;
  private final Http http = new Http();

  @BeforeAll
  static void start() {
    int port = FreePorts.range(1);
    launcher =
        InProcessLauncher.start(
            new LauncherJson(folder, port, port).demoApp("demo").corsOrigins("*").write());
  }

  @AfterAll
  static void stop() {
    if (launcher != null) {
      launcher.close();
    }
  }

  @Test
  void anyOriginGetsAStar() {
    Answer answer =
        CorsFilterTest.get(
            http,
            launcher.uri("/paraview/3b241101-e2bb-4255-8caf-4136c566a962"),
            "https://anywhere.example");
    assertJsonError(answer, 404, "No session");
    assertEquals("*", answer.header("Access-Control-Allow-Origin"));
  }

  @Test
  void aPreflightFromAnyOriginIsAllowed() {
    Answer preflight =
        http.send(CorsFilterTest.preflight(launcher.uri("/paraview/"), "null", "content-type"));
    assertEquals(204, preflight.status(), preflight.body());
    assertEquals("*", preflight.header("Access-Control-Allow-Origin"));
    assertEquals("GET, POST, DELETE, OPTIONS", preflight.header("Access-Control-Allow-Methods"));
  }
}
