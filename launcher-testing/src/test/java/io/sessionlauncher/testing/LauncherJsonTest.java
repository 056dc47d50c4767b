package io.sessionlauncher.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherJsonTest {
  @TempDir Path folder;

  private static JsonObject parse(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void writesAValidDefaultAndTheShortcuts() throws Exception {
    Path file =
        LauncherJson.in(folder)
            .resource("127.0.0.1", 20000, 20001)
            .app("viz", List.of("prog", "--port", "${port}"), "ready")
            .app("greeter", Map.of("product", "greeter"))
            .content(folder.resolve("www"))
            .uploadDir(folder.resolve("up"))
            .maxUploadSize(1024)
            .corsOrigins("*")
            .fields("host", "port")
            .property("java", "/usr/bin/java")
            .write();

    JsonObject json = parse(Files.readString(file));
    JsonObject configuration = json.getJsonObject("configuration");
    assertEquals("paraview", configuration.getString("endpoint"));
    assertEquals(folder.resolve("www").toString(), configuration.getString("content"));
    assertEquals(folder.resolve("up").toString(), configuration.getString("upload_dir"));
    assertEquals(1024, configuration.getInt("max_upload_size"));
    assertEquals("*", configuration.getJsonArray("cors_origins").getString(0));
    assertEquals(
        folder.resolve("proxy").resolve("proxy-mapping.txt").toString(),
        configuration.getString("proxy_file"));
    assertEquals(
        20001,
        json.getJsonArray("resources").getJsonObject(0).getJsonArray("port_range").getInt(1));
    assertEquals("ready", json.getJsonObject("apps").getJsonObject("viz").getString("ready_line"));
    assertEquals(
        "greeter", json.getJsonObject("apps").getJsonObject("greeter").getString("product"));
    assertEquals("/usr/bin/java", json.getJsonObject("properties").getString("java"));
  }

  @Test
  void escapesTextAndRemovesKeys() {
    String text =
        LauncherJson.in(folder)
            .set("properties.odd", "quote\" back\\ line\n tab\t bell\u0007")
            .remove("configuration.fields")
            .json();
    JsonObject json = parse(text);
    assertEquals(
        "quote\" back\\ line\n tab\t bell\u0007",
        json.getJsonObject("properties").getString("odd"));
    assertFalse(json.getJsonObject("configuration").containsKey("fields"));
  }

  @Test
  void loadWritesTheFileAndHandsItToTheLoader() {
    Path loaded = LauncherJson.in(folder).load(path -> path);
    assertEquals(folder.resolve(LauncherJson.FILE_NAME), loaded);
  }

  @Test
  void literalDoublesEveryDollar() {
    assertEquals("cost $$5 $$$$", LauncherJson.literal("cost $5 $$"));
  }
}
