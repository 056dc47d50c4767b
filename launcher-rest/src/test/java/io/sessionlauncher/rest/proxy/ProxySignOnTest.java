package io.sessionlauncher.rest.proxy;

import static io.sessionlauncher.testing.JsonErrors.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sessionlauncher.rest.testing.DemoApp;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.rest.testing.TestIdentity;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Http.Answer;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With sign-on, the proxy lets through a session's owner and admins only. */
class ProxySignOnTest {
  private static final String USER = "launcher-user";
  private static final String ADMIN = "launcher-admin";

  @RegisterExtension
  static final InProcessLauncher launcher =
      InProcessLauncher.withPorts(2, json -> json.app("demo", DemoApp.app())).withSignOn();

  private final Http http = new Http();

  @AfterEach
  void endSessions() {
    launcher.stopAllSessions();
  }

  private Answer send(String method, String path, String body, String user, String groups) {
    HttpRequest.Builder request =
        Http.request(launcher.uri(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      request.header(TestIdentity.USER, user).header(TestIdentity.GROUPS, groups);
    }
    return http.send(request.build());
  }

  @Test
  void onlyTheOwnerAndAdminsReachTheSessionOthersGetTheUnknownIds404() {
    Answer created = send("POST", "/paraview/", "{\"application\": \"demo\"}", "alice", USER);
    assertEquals(200, created.status(), created.body());
    String id = created.json().getString("id");
    String page = "/session/" + id + "/";

    assertEquals(200, send("GET", page, null, "alice", USER).status());
    assertEquals(
        200, send("GET", "/proxy?sessionId=" + id + "&path=x", null, "carol", ADMIN).status());
    assertJsonError(send("GET", page, null, "bob", USER), 404, "No session with id");
    assertJsonError(
        send("GET", "/proxy?sessionId=" + id + "&path=x", null, "bob", USER),
        404,
        "No session with id");
    assertEquals(401, send("GET", page, null, null, null).status());
    assertEquals(403, send("GET", page, null, "dave", "nobody").status());
  }
}
