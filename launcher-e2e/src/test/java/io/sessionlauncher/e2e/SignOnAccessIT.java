package io.sessionlauncher.e2e;

import static io.sessionlauncher.testing.JsonErrors.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may do what once signed on, decided by the application from the caller's principal and
 * groups: alice and bob are in launcher-user, carol in launcher-admin, dave in no group, erin in
 * launcher-user and licensed-users. Each test uses real tokens from Keycloak on the sign-on server,
 * whose launcher.json sets {@code max_sessions_per_user} 2 and an app for licensed-users only.
 */
@ExtendWith({KeycloakExtension.class, SignOnServerExtension.class})
class SignOnAccessIT {
  private static final String DEMO = "{\"application\": \"demo\"}";

  private static Keycloak keycloak;

  private final BearerCalls api =
      new BearerCalls(
          new Http(
              URI.create(
                  "http://127.0.0.1:" + SystemTools.required("e2e.signon.http.port") + "/")));

  @BeforeAll
  static void provider(Keycloak running) {
    keycloak = running;
  }

  @Test
  void aSignedOnUserInNoLauncherGroupIsForbidden() {
    Http.Answer post = as("dave", "POST", "paraview/");
    assertJsonError(post, 403, "");
  }

  @Test
  void usersSeeAndStopTheirOwnSessionsOnlyAndAdminsAll() {
    Http.Answer post = as("alice", "POST", "paraview/");
    assertEquals(200, post.status(), post.body());
    String id = post.json().getString("id");
    boolean stopped = false;
    try {
      // alice lists and sees hers.
      Http.Answer mine = as("alice", "GET", "paraview/");
      assertEquals(200, mine.status(), mine.body());
      assertTrue(mine.body().contains(id), "alice's list: " + mine.body());

      // bob neither sees it listed nor reaches it: for him it does not exist.
      Http.Answer bobs = as("bob", "GET", "paraview/");
      assertEquals(200, bobs.status(), bobs.body());
      assertFalse(bobs.body().contains(id), "bob's list: " + bobs.body());
      assertJsonError(as("bob", "GET", "paraview/" + id), 404, "");
      assertJsonError(as("bob", "DELETE", "paraview/" + id), 404, "");

      // carol, an admin, sees it and stops it.
      Http.Answer all = as("carol", "GET", "paraview/");
      assertEquals(200, all.status(), all.body());
      assertTrue(all.body().contains(id), "carol's list: " + all.body());
      assertEquals(200, as("carol", "GET", "paraview/" + id).status());
      Http.Answer stop = as("carol", "DELETE", "paraview/" + id);
      assertEquals(200, stop.status(), stop.body());
      assertEquals("ended", stop.json().getString("state"), stop.body());
      stopped = true;
    } finally {
      if (!stopped) {
        as("alice", "DELETE", "paraview/" + id);
      }
    }
  }

  @Test
  void theSecretIsTheOwnersAloneAndNeverInTheListingTheProxyFileOrTheAuditTrail() throws Exception {
    Http.Answer post = launch("alice", "demo-secret");
    assertEquals(200, post.status(), post.body());
    String id = post.json().getString("id");
    String secret = post.json().getString("secret");
    try {
      assertEquals(secret, as("alice", "GET", "paraview/" + id).json().getString("secret"));
      for (Http.Answer other :
          List.of(
              as("alice", "GET", "paraview/"),
              as("carol", "GET", "paraview/"),
              as("carol", "GET", "paraview/" + id),
              as("bob", "GET", "paraview/" + id))) {
        assertFalse(other.body().contains(secret), other.body());
      }
      assertFalse(Files.readString(serverFile("proxy/proxy-mapping.txt")).contains(secret));
    } finally {
      Http.Answer stop = as("alice", "DELETE", "paraview/" + id);
      assertFalse(stop.body().contains(secret), stop.body());
    }
    String audit = Files.readString(serverFile("logs/sessions/audit.jsonl"));
    assertFalse(audit.contains(secret), "the audit trail holds the secret");
    assertTrue(
        audit
            .lines()
            .anyMatch(
                line ->
                    line.contains("\"action\":\"start\"")
                        && line.contains("\"user\":\"alice\"")
                        && line.contains(id)
                        && line.contains("\"client\":\"127.0.0.1\"")),
        audit);
    assertFalse(audit.contains("eyJ"), "no token in the audit trail");
  }

  @Test
  void oneUserReachesTheirLimitAndGets429WhileOthersStillLaunch() {
    List<String> ids = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        Http.Answer post = as("alice", "POST", "paraview/");
        assertEquals(200, post.status(), post.body());
        ids.add(post.json().getString("id"));
      }
      Http.Answer third = as("alice", "POST", "paraview/");
      assertJsonError(third, 429, "max_sessions_per_user");
      assertEquals("5", third.header("Retry-After"));
      Http.Answer bobs = as("bob", "POST", "paraview/");
      assertEquals(200, bobs.status(), bobs.body());
      ids.add(bobs.json().getString("id"));
    } finally {
      ids.forEach(id -> as("carol", "DELETE", "paraview/" + id));
    }
  }

  @Test
  void aLicensedApplicationIsLaunchedOnlyByItsProviderGroup() {
    Http.Answer refused = launch("alice", "licensed");
    assertJsonError(refused, 403, "'licensed'");
    Http.Answer erins = launch("erin", "licensed");
    assertEquals(200, erins.status(), erins.body());
    assertEquals(200, as("erin", "DELETE", "paraview/" + erins.json().getString("id")).status());
  }

  private static java.nio.file.Path serverFile(String relative) {
    return java.nio.file.Path.of(SystemTools.required("e2e.signon.server.dir")).resolve(relative);
  }

  private Http.Answer launch(String user, String application) {
    return api.post(
        keycloak.accessToken(user), "paraview/", "{\"application\": \"" + application + "\"}");
  }

  private Http.Answer as(String user, String method, String path) {
    String token = keycloak.accessToken(user);
    return switch (method) {
      case "POST" -> api.post(token, path, DEMO);
      case "DELETE" -> api.delete(token, path);
      default -> api.get(token, path);
    };
  }
}
