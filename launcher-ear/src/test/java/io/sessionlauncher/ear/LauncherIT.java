package io.sessionlauncher.ear;

import static io.sessionlauncher.testing.JsonErrors.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.WebSocketClient;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The EAR in Open Liberty with the default configuration: the README's flow, for real. */
class LauncherIT {
  private final Http client = new Http(LibertyServer.base());

  @Test
  void runsOnTheManagedExecutor() throws Exception {
    assertTrue(
        LibertyServer.messagesLog().contains("on the managed executor"),
        "the launcher reports the container's ManagedExecutorService in messages.log");
    assertTrue(
        LibertyServer.messagesLog()
            .contains("periodic work on java:comp/DefaultManagedScheduledExecutorService"),
        "the sweeper is scheduled on the container's ManagedScheduledExecutorService");
  }

  @Test
  void withoutSignOnOnLoopbackEveryCallerIsAnonymousAndTheLogSaysSo() throws Exception {
    assertTrue(
        LibertyServer.messagesLog().contains("Sign-on is off: every caller is 'anonymous'"),
        "the start-up warning in messages.log");
    Http.Answer listing = client.get("paraview/");
    assertEquals(200, listing.status(), listing.body());
    assertEquals("anonymous", listing.json().getString("user"));
    assertFalse(listing.json().getBoolean("signedOn"));
  }

  @Test
  void theAuditTrailNamesTheClientAddressAndIsTheServersAlone() throws Exception {
    Http.Answer created = client.post("paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, created.status(), created.body());
    String id = created.json().getString("id");
    assertEquals(200, client.delete("paraview/" + id).status());
    java.nio.file.Path audit = LibertyServer.serverDir().resolve("logs/sessions/audit.jsonl");
    String trail = Files.readString(audit);
    assertTrue(
        trail
            .lines()
            .anyMatch(
                line ->
                    line.contains("\"action\":\"start\"")
                        && line.contains(id)
                        && line.contains("\"client\":\"127.0.0.1\"")),
        trail);
    assertFalse(trail.contains(created.json().getString("secret", "no secret")), trail);
    assertEquals(
        "rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(audit)));
  }

  @Test
  void theShippedSecureDemoGetsItsSecretThroughTheEnvironmentNotTheCommandLine() throws Exception {
    Http.Answer created = client.post("paraview/", "{\"application\": \"demo-secure\"}");
    assertEquals(200, created.status(), created.body());
    String id = created.json().getString("id");
    String secret = created.json().getString("secret");
    try {
      URI url = URI.create(created.json().getString("sessionURL"));
      List<ProcessHandle> demo = Processes.demoOnPort(url.getPort());
      assertEquals(1, demo.size());
      String cmdline =
          Files.readString(java.nio.file.Path.of("/proc/" + demo.get(0).pid() + "/cmdline"))
              .replace('\0', ' ');
      assertTrue(cmdline.contains("--secret-env SESSION_SECRET"), cmdline);
      assertFalse(cmdline.contains(secret), "the secret on the command line: " + cmdline);
      URI withSecret = URI.create(url + "?secret=" + secret);
      assertEquals("secure hello", new WebSocketClient().echo(withSecret, "secure hello"));
    } finally {
      client.delete("paraview/" + id);
    }
  }

  @Test
  void demoSessionIsLaunchedEchoesAndLeavesNothingAfterDelete() throws Exception {
    Http.Answer created = client.post("paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, created.status(), created.body());
    JsonObject session = created.json();
    String id = session.getString("id");
    URI url = URI.create(session.getString("sessionURL"));
    int port = url.getPort();
    assertFalse(session.containsKey("cmd"));
    assertEquals(1, Processes.demoOnPort(port).size(), "one demo process on port " + port);
    assertTrue(Files.readString(LibertyServer.proxyFile()).contains(id + " 127.0.0.1:" + port));

    assertEquals("hello through Liberty", new WebSocketClient().echo(url, "hello through Liberty"));

    Http.Answer shown = client.get("paraview/" + id);
    assertEquals(200, shown.status(), shown.body());
    assertEquals("ready", shown.json().getString("state"));

    Http.Answer deleted = client.delete("paraview/" + id);
    assertEquals(200, deleted.status(), deleted.body());
    assertEquals("ended", deleted.json().getString("state"));
    List<ProcessHandle> left = Processes.awaitNoDemoOnPort(port, Duration.ofSeconds(10));
    assertTrue(left.isEmpty(), "demo processes left: " + left);
    assertFalse(Files.readString(LibertyServer.proxyFile()).contains(id));
  }

  @Test
  void errorsAreTheSameJsonOnRestEasy() throws Exception {
    Http.Answer notJson = client.post("paraview/", "{nope");
    assertEquals(400, notJson.status(), notJson.body());
    assertTrue(
        notJson.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertTrue(notJson.json().getString("error").contains("not valid JSON"));

    Http.Answer incomplete = client.post("paraview", "{}");
    assertEquals(400, incomplete.status(), incomplete.body());
    assertEquals("The request is not complete", incomplete.json().getString("error"));

    Http.Answer unknown = client.get("paraview/3b241101-e2bb-4255-8caf-4136c566a962");
    assertEquals(404, unknown.status(), unknown.body());
    assertTrue(unknown.json().getString("error").startsWith("No session with id"));

    Http.Answer wrongApp = client.post("paraview/", "{\"application\": \"nope\"}");
    assertEquals(400, wrongApp.status(), wrongApp.body());
    assertEquals("Unknown application: nope", wrongApp.json().getString("error"));

    assertJsonError(
        client.post(
            "paraview/", "{\"application\": \"demo\", \"x\": \"" + "a".repeat(70_000) + "\"}"),
        413,
        "larger than");
  }
}
