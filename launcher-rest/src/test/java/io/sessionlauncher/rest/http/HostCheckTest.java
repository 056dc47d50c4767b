package io.sessionlauncher.rest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.rest.testing.DemoApp;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.testing.RawHttp;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DNS rebinding: a page of another site, its name re-resolved to this machine, reaches a launcher
 * without sign-on only under its own name, which the launcher refuses before anything runs.
 */
class HostCheckTest {
  @RegisterExtension
  static final InProcessLauncher launcher =
      InProcessLauncher.withPorts(
          1,
          json ->
              json.set("configuration.allowed_hosts", List.of("launcher.example.org"))
                  .app("demo", DemoApp.app()));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "evil.example",
        "evil.example:80",
        "127.evil.example",
        "launcher.example.org.evil"
      })
  void aForeignHostIsRefusedAndNothingStarts(String host) {
    RawHttp.Answer post =
        RawHttp.send(launcher.base(), "POST", "/paraview/", host, "{\"application\": \"demo\"}");
    assertEquals(421, post.status(), post.body());
    assertTrue(post.body().contains("allowed_hosts"), post.body());
    assertEquals(421, RawHttp.send(launcher.base(), "GET", "/", host, null).status());
    assertTrue(launcher.sessions().list().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "localhost",
        "LOCALHOST:9080",
        "[::1]:9080",
        "127.0.0.2",
        "launcher.example.org",
        "launcher.example.org:443"
      })
  void loopbackNamesTheConfiguredHostAndAllowedHostsAreServed(String host) {
    RawHttp.Answer answer =
        RawHttp.send(
            launcher.base(), "GET", "/paraview/3b241101-e2bb-4255-8caf-4136c566a962", host, null);
    assertEquals(404, answer.status(), answer.body());
    assertTrue(answer.body().contains("3b241101"), answer.body());
  }
}
