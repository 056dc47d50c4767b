package io.sessionlauncher.rest.plugins;

import static io.sessionlauncher.testing.JsonErrors.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Http.Answer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /plugins}, and a third party's plugin (the example greeter, on the test class path as
 * in the server's {@code plugins/} folder) launched through the session resource.
 */
class PluginsResourceTest {
  @RegisterExtension
  static final InProcessLauncher launcher =
      InProcessLauncher.withPorts(
          2,
          json ->
              json.app(
                      "greeter",
                      Map.of(
                          "product",
                          "greeter",
                          "mode",
                          "local",
                          "config",
                          Map.of("greeting", "Hello through REST")))
                  // Templates: only a request can make this configuration invalid; a fixed invalid
                  // one fails the start-up instead.
                  .app(
                      "bad-greeter",
                      Map.of(
                          "product",
                          "greeter",
                          "config",
                          Map.of("greeting", "${greeting}", "backlog", "${backlog}"))));

  private final Http http = new Http();

  @AfterEach
  void endSessions() {
    launcher.stopAllSessions();
  }

  private JsonObject plugins() {
    Answer answer = http.get(launcher.uri("/plugins"));
    assertEquals(200, answer.status(), answer.body());
    assertEquals(
        "application/json;charset=utf-8",
        answer.contentType().toLowerCase(Locale.ROOT).replace(" ", ""));
    return answer.json();
  }

  private static JsonObject product(JsonObject listing, String name) {
    for (JsonValue product : listing.getJsonArray("products")) {
      if (product.asJsonObject().getString("product").equals(name)) {
        return product.asJsonObject();
      }
    }
    throw new AssertionError("no product " + name + " in " + listing);
  }

  private static JsonObject mode(JsonObject product, String name) {
    for (JsonValue mode : product.getJsonArray("modes")) {
      if (mode.asJsonObject().getString("mode").equals(name)) {
        return mode.asJsonObject();
      }
    }
    throw new AssertionError("no mode " + name + " in " + product);
  }

  private static List<String> names(JsonArray array, String key) {
    List<String> names = new ArrayList<>();
    array.forEach(item -> names.add(item.asJsonObject().getString(key)));
    return names;
  }

  @Test
  void listsEveryProductWithItsModesSorted() {
    JsonObject listing = plugins();

    List<String> products = names(listing.getJsonArray("products"), "product");
    assertTrue(
        products.containsAll(List.of("greeter", "http-server", "process")), products.toString());
    assertEquals(products.stream().sorted().toList(), products, "sorted by name");
    assertEquals(
        List.of("__fallback__", "local"),
        names(product(listing, "greeter").getJsonArray("modes"), "mode"));
    assertEquals(
        List.of("local"), names(product(listing, "process").getJsonArray("modes"), "mode"));
  }

  @Test
  void showsAModesServersAndFieldsWithDescriptionsDefaultsAndConstraints() {
    JsonObject local = mode(product(plugins(), "greeter"), "local");

    assertEquals("greeter.local", local.getString("plugin"));
    assertEquals(Json.createObjectBuilder().add("main", "GENERIC").build(), local.get("servers"));
    JsonArray fields = local.getJsonArray("fields");
    assertEquals(List.of("greeting", "backlog", "host"), names(fields, "name"));
    assertEquals(
        Json.createObjectBuilder()
            .add("name", "greeting")
            .add("type", "string")
            .add("description", "Text answered to every GET request")
            .add("default", "Hello from the greeter")
            .add("constraints", Json.createArrayBuilder().add("@NotBlank").add("@Size(max=200)"))
            .build(),
        fields.get(0));
    assertEquals(
        Json.createObjectBuilder()
            .add("name", "backlog")
            .add("type", "integer")
            .add("description", "Connections the kernel queues before the server accepts them")
            .add("default", 50)
            .add("constraints", Json.createArrayBuilder().add("@Min(1)").add("@Max(1024)"))
            .build(),
        fields.get(1));
  }

  @Test
  void aPluginWithoutDefaultsShowsNoneAndConstraintsOnListElements() {
    JsonObject process = mode(product(plugins(), "process"), "local");

    assertEquals(Json.createObjectBuilder().build(), process.get("servers"));
    JsonObject cmd = process.getJsonArray("fields").getJsonObject(0);
    assertEquals("cmd", cmd.getString("name"));
    assertEquals("array", cmd.getString("type"));
    assertTrue(!cmd.containsKey("default"), cmd.toString());
    assertEquals(
        Json.createArrayBuilder()
            .add("@NotEmpty")
            .add("element @NotNull")
            .add("element @NotBlank")
            .build(),
        cmd.get("constraints"));
    assertEquals(
        List.of("cmd", "ready_line", "env", "working_dir", "inherit_env"),
        names(process.getJsonArray("fields"), "name"));
  }

  @Test
  void aFallbacksDefaultsAreShownInJsonForm() {
    JsonObject fallback = mode(product(plugins(), "http-server"), "__fallback__");

    JsonObject directory = fallback.getJsonArray("fields").getJsonObject(0);
    assertEquals("path", directory.getString("type"));
    assertEquals(Path.of("").toAbsolutePath().toString(), directory.getString("default"));
  }

  @Test
  void theTrailingSlashAndHeadWorkAndTheInternalPathIsNotPublic() throws Exception {
    assertEquals(200, http.get(launcher.uri("/plugins/")).status());
    assertEquals(
        200,
        http.send(
                java.net.http.HttpRequest.newBuilder(launcher.uri("/plugins"))
                    .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build())
            .status());
    assertJsonError(http.get(launcher.uri("/@plugins")), 404, "No resource at /");
    assertJsonError(http.get(launcher.uri("/plugins/x")), 404, "No resource at /plugins/x");
  }

  @Test
  void aThirdPartyPluginIsLaunchedGreetsAndIsGoneAfterDelete() throws Exception {
    Answer created = http.post(launcher.uri("/paraview/"), "{\"application\": \"greeter\"}");
    assertEquals(200, created.status(), created.body());
    JsonObject session = created.json();
    URI url = URI.create(session.getString("sessionURL"));
    String address = url.getHost() + ":" + url.getPort();

    Answer greeting = http.get(URI.create("http://" + address + "/ws"));
    assertEquals(200, greeting.status());
    assertEquals("Hello through REST", greeting.body());

    Answer deleted = http.delete(launcher.uri("/paraview/" + session.getString("id")));
    assertEquals(200, deleted.status(), deleted.body());
    assertEquals("ended", deleted.json().getString("state"));
    assertTrue(isFree(url.getPort()), "port " + url.getPort() + " free after DELETE");
  }

  @Test
  void anInvalidPluginConfigurationFromTheRequestIsA400NamingEveryField() {
    Answer answer =
        http.post(
            launcher.uri("/paraview/"),
            "{\"application\": \"bad-greeter\", \"greeting\": \"\", \"backlog\": \"notanint\"}");

    assertJsonError(
        answer,
        400,
        "Invalid configuration for greeter.__fallback__: backlog: expected a whole number, found"
            + " the string \"notanint\"; greeting: must not be blank");
    assertEquals(2, launcher.pool().available(), "the port went back to the pool");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
