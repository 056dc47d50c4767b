package io.sessionlauncher.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.FreePorts;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A third party's plugin on Liberty: the example plugin's jar sits in the server's {@code plugins/}
 * folder (a shared library of the application), not in the EAR, and its product is launched through
 * the REST interface like any other.
 */
class PluginIT {
  private final Http client = new Http(LibertyServer.base());

  @Test
  void pluginsListsTheThirdPartyProductBesideTheBuiltInOnes() throws Exception {
    Http.Answer answer = client.get("plugins");

    assertEquals(200, answer.status(), answer.body() + "; messages.log:\n" + logAbout(answer));
    assertTrue(String.valueOf(answer.contentType()).startsWith("application/json"));
    JsonObject listing = answer.json();
    List<String> products = new ArrayList<>();
    JsonObject greeter = null;
    for (JsonValue value : listing.getJsonArray("products")) {
      JsonObject product = value.asJsonObject();
      products.add(product.getString("product"));
      if (product.getString("product").equals("greeter")) {
        greeter = product;
      }
    }
    assertTrue(
        products.containsAll(List.of("greeter", "http-server", "process")),
        products + "; plugin warnings in messages.log: " + pluginWarnings());
    List<String> modes = new ArrayList<>();
    greeter.getJsonArray("modes").forEach(mode -> modes.add(mode.asJsonObject().getString("mode")));
    assertEquals(List.of("__fallback__", "local"), modes);
    JsonObject greeting =
        greeter.getJsonArray("modes").getJsonObject(1).getJsonArray("fields").getJsonObject(0);
    assertEquals("greeting", greeting.getString("name"));
    assertEquals("Text answered to every GET request", greeting.getString("description"));
  }

  @Test
  void greeterIsLaunchedThroughRestGreetsAndFreesItsPortOnDelete() throws Exception {
    Http.Answer created = client.post("paraview/", "{\"application\": \"greeter\"}");
    assertEquals(200, created.status(), created.body() + "; " + pluginWarnings());
    JsonObject session = created.json();
    String id = session.getString("id");
    // The launcher-wide sessionURL is ws://${host}:${port}/ws; the greeter answers every path.
    URI url = URI.create(session.getString("sessionURL"));
    int port = url.getPort();
    assertTrue(Files.readString(LibertyServer.proxyFile()).contains(id + " 127.0.0.1:" + port));

    Http.Answer greeting = greet(url.getHost(), port);
    assertEquals(200, greeting.status());
    assertEquals("Hello from a launcher plugin", greeting.body());

    Http.Answer deleted = client.delete("paraview/" + id);
    assertEquals(200, deleted.status(), deleted.body());
    assertEquals("ended", deleted.json().getString("state"));
    Waits.until(
        "port " + port + " free after DELETE",
        Duration.ofSeconds(10),
        () -> FreePorts.isFree(port));
    assertTrue(!Files.readString(LibertyServer.proxyFile()).contains(id));
  }

  private static Http.Answer greet(String host, int port) {
    return new Http().get(URI.create("http://" + host + ":" + port + "/ws"));
  }

  /** The server's log from the line naming the reference an internal error answer gives. */
  private static String logAbout(Http.Answer answer) throws IOException {
    String body = answer.body();
    int at = body.indexOf("reference ");
    if (at < 0) {
      return "(no reference in the answer)";
    }
    String reference = body.substring(at + "reference ".length()).replaceAll("[^0-9a-f-].*", "");
    String log = LibertyServer.messagesLog();
    int line = log.indexOf(reference);
    return line < 0
        ? "(reference not in messages.log)"
        : log.substring(line, Math.min(log.length(), line + 6000));
  }

  private static String pluginWarnings() throws IOException {
    return LibertyServer.messagesLog()
        .lines()
        .filter(line -> line.contains("lugin"))
        .collect(Collectors.joining("\n"));
  }
}
