package io.sessionlauncher.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A third party's plugin on Liberty: the example plugin's jar sits in the server's {@code plugins/}
 * folder (a shared library of the application), not in the EAR, and its product is launched through
 * the REST interface like any other.
 */
class PluginIT {
  private final Client client = new Client();

  @Test
  void pluginsListsTheThirdPartyProductBesideTheBuiltInOnes() throws Exception {
    HttpResponse<String> answer = client.get("plugins");

    assertEquals(200, answer.statusCode(), answer.body());
    assertTrue(
        answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonObject listing = Client.json(answer);
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
    HttpResponse<String> created = client.post("paraview/", "{\"application\": \"greeter\"}");
    assertEquals(200, created.statusCode(), created.body() + "; " + pluginWarnings());
    JsonObject session = Client.json(created);
    String id = session.getString("id");
    // The launcher-wide sessionURL is ws://${host}:${port}/ws; the greeter answers every path.
    URI url = URI.create(session.getString("sessionURL"));
    int port = url.getPort();
    assertTrue(Files.readString(LibertyServer.proxyFile()).contains(id + " 127.0.0.1:" + port));

    HttpResponse<String> greeting = greet(url.getHost(), port);
    assertEquals(200, greeting.statusCode());
    assertEquals("Hello from a launcher plugin", greeting.body());

    HttpResponse<String> deleted = client.delete("paraview/" + id);
    assertEquals(200, deleted.statusCode(), deleted.body());
    assertEquals("ended", Client.json(deleted).getString("state"));
    assertTrue(becomesFree(port, Duration.ofSeconds(10)), "port " + port + " free after DELETE");
    assertTrue(!Files.readString(LibertyServer.proxyFile()).contains(id));
  }

  private static HttpResponse<String> greet(String host, int port) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    return http.send(
        HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/ws"))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static boolean becomesFree(int port, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress("127.0.0.1", port));
        return true;
      } catch (IOException e) {
        if (System.nanoTime() - deadline > 0) {
          return false;
        }
        LockSupport.parkNanos(50_000_000L);
      }
    }
  }

  private static String pluginWarnings() throws IOException {
    return LibertyServer.messagesLog()
        .lines()
        .filter(line -> line.contains("lugin"))
        .collect(Collectors.joining("\n"));
  }
}
