package io.sessionlauncher.rest.http;

import static io.sessionlauncher.testing.JsonErrors.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sessionlauncher.rest.testing.DemoApp;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Http.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code "cors_origins": ["*"]}: every origin, answered with a star rather than its name. */
class CorsWildcardTest {
  @RegisterExtension
  static final InProcessLauncher launcher =
      InProcessLauncher.withPorts(1, json -> json.app("demo", DemoApp.app()).corsOrigins("*"));

  private final Http http = new Http();

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
