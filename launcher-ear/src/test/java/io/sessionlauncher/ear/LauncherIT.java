package io.sessionlauncher.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.WebSocketClient;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The EAR in Open Liberty with the default configuration: what is Liberty's or the shipped
 * configuration's. A session's life and the JSON errors are in launcher-arquillian's suite, run on
 * every server.
 */
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
}
