package io.sessionlauncher.rest;

import static io.sessionlauncher.rest.testing.JsonErrors.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.rest.testing.FreePorts;
import io.sessionlauncher.rest.testing.Http;
import io.sessionlauncher.rest.testing.Http.Answer;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.rest.testing.LauncherJson;
import io.sessionlauncher.rest.testing.Multipart;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration without {@code content}, {@code upload_dir} or {@code cors_origins}: none of
 * those features answers, each with the launcher's JSON error, and no CORS header appears.
 */
class UnconfiguredFeaturesTest {
  @TempDir static Path folder;
  private static InProcessLauncher launcher;
  private final Http http = new Http();

  @BeforeAll
  static void start() throws Exception {
    // A file where a content folder would be: without "content" it must not be served.
    Files.writeString(folder.resolve("index.html"), "not served");
    int port = FreePorts.range(1);
    launcher =
        InProcessLauncher.start(new LauncherJson(folder, port, port).demoApp("demo").write());
  }

  @AfterAll
  static void stop() {
    if (launcher != null) {
      launcher.close();
    }
  }

  @Test
  void withoutContentEveryPathIsAJson404() {
    assertJsonError(http.get(launcher.uri("/")), 404, "No resource at /");
    assertJsonError(http.get(launcher.uri("/index.html")), 404, "No resource at /index.html");
    assertJsonError(http.get(launcher.uri("/js/app.js")), 404, "No resource at /js/app.js");
    assertJsonError(http.get(launcher.uri("/launcher.json")), 404, "No resource at /launcher.json");
  }

  @Test
  void withoutUploadDirUploadIsAJson404AndStoresNothing() throws Exception {
    Answer answer =
        http.send(new Multipart().file("f", "stored.txt", "x").post(launcher.uri("/upload")));
    assertJsonError(answer, 404, "No resource at /upload");
    try (var files = Files.walk(folder)) {
      assertTrue(files.noneMatch(file -> file.getFileName().toString().equals("stored.txt")));
    }
  }

  @Test
  void withoutCorsOriginsNoCorsHeaderAndPreflightsAre403() {
    Answer answer =
        http.send(
            HttpRequest.newBuilder(launcher.uri("/paraview/not-a-session"))
                .header("Origin", "https://app.example")
                .GET()
                .build());
    assertJsonError(answer, 404, "No session");
    assertTrue(
        answer.raw().headers().map().keySet().stream()
            .noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-")),
        answer.raw().headers().map().toString());
    assertTrue(answer.raw().headers().allValues("Vary").stream().noneMatch("Origin"::equals));

    Answer preflight =
        http.send(
            CorsFilterTest.preflight(launcher.uri("/paraview/"), "https://app.example", null));
    assertJsonError(preflight, 403, "are not allowed");
    assertTrue(
        preflight.raw().headers().map().keySet().stream()
            .noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-")));
    assertEquals(403, preflight.status());
  }
}
