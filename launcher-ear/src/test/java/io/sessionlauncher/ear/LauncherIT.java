package io.sessionlauncher.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The EAR in Open Liberty with the default configuration: the README's flow, for real. */
class LauncherIT {
  private final Client client = new Client();

  @Test
  void runsOnTheManagedExecutor() throws Exception {
    assertTrue(
        LibertyServer.messagesLog().contains("on the managed executor"),
        "the launcher reports the container's ManagedExecutorService in messages.log");
  }

  @Test
  void demoSessionIsLaunchedEchoesAndLeavesNothingAfterDelete() throws Exception {
    HttpResponse<String> created = client.post("paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, created.statusCode(), created.body());
    JsonObject session = Client.json(created);
    String id = session.getString("id");
    URI url = URI.create(session.getString("sessionURL"));
    int port = url.getPort();
    assertFalse(session.containsKey("cmd"));
    assertEquals(1, Processes.demoOnPort(port).size(), "one demo process on port " + port);
    assertTrue(Files.readString(LibertyServer.proxyFile()).contains(id + " 127.0.0.1:" + port));

    assertEquals("hello through Liberty", client.echo(url, "hello through Liberty"));

    HttpResponse<String> shown = client.get("paraview/" + id);
    assertEquals(200, shown.statusCode(), shown.body());
    assertEquals("ready", Client.json(shown).getString("state"));

    HttpResponse<String> deleted = client.delete("paraview/" + id);
    assertEquals(200, deleted.statusCode(), deleted.body());
    assertEquals("ended", Client.json(deleted).getString("state"));
    List<ProcessHandle> left = Processes.awaitNoDemoOnPort(port, Duration.ofSeconds(10));
    assertTrue(left.isEmpty(), "demo processes left: " + left);
    assertFalse(Files.readString(LibertyServer.proxyFile()).contains(id));
  }

  @Test
  void errorsAreTheSameJsonOnRestEasy() throws Exception {
    HttpResponse<String> notJson = client.post("paraview/", "{nope");
    assertEquals(400, notJson.statusCode(), notJson.body());
    assertTrue(
        notJson.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertTrue(Client.json(notJson).getString("error").contains("not valid JSON"));

    HttpResponse<String> incomplete = client.post("paraview", "{}");
    assertEquals(400, incomplete.statusCode(), incomplete.body());
    assertEquals("The request is not complete", Client.json(incomplete).getString("error"));

    HttpResponse<String> unknown = client.get("paraview/3b241101-e2bb-4255-8caf-4136c566a962");
    assertEquals(404, unknown.statusCode(), unknown.body());
    assertTrue(Client.json(unknown).getString("error").startsWith("No session with id"));

    HttpResponse<String> wrongApp = client.post("paraview/", "{\"application\": \"nope\"}");
    assertEquals(400, wrongApp.statusCode(), wrongApp.body());
    assertEquals("Unknown application: nope", Client.json(wrongApp).getString("error"));
  }
}
