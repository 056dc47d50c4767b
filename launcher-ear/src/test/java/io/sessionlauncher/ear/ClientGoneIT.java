package io.sessionlauncher.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On Liberty (RESTEasy, the servlet container's connection): a client that closes its connection
 * while its session starts has the session ended with the cause {@code abandoned}, its process
 * gone, its port back. An app that never gets ready is added for this class through the reload of
 * {@code launcher.json}, and the shipped file put back and reloaded after it.
 */
class ClientGoneIT {
  private static final Duration NOTICED = Duration.ofSeconds(5);
  private static final Http HTTP = new Http(LibertyServer.base());
  private static String shipped;

  private static Path launcherJson() {
    return LibertyServer.serverDir().resolve("launcher.json");
  }

  @BeforeAll
  static void addAnAppThatIsNeverReady() throws IOException {
    LibertyServer.awaitLauncher();
    shipped = Files.readString(launcherJson());
    Files.writeString(
        launcherJson(),
        shipped.replaceFirst(
            "\"apps\": \\{",
            "\"apps\": { \"never-ready\": { \"cmd\": [\"/bin/sh\", \"-c\","
                + " \"echo pid \\$\\$\\$\\$; exec sleep 600\"], \"ready_line\": \"never\" },"));
    Http.Answer reload = HTTP.post("admin/reload", "{}");
    assertEquals(200, reload.status(), reload.body());
  }

  @AfterAll
  static void putTheShippedFileBack() throws IOException {
    Files.writeString(launcherJson(), shipped);
    Http.Answer reload = HTTP.post("admin/reload", "{}");
    assertEquals(200, reload.status(), reload.body());
  }

  @Test
  void aClientThatClosesItsConnectionWhileItsSessionStartsHasItEnded() throws Exception {
    String id;
    long pid;
    try (Socket socket = new Socket("127.0.0.1", LibertyServer.base().getPort())) {
      post(socket, "{\"application\": \"never-ready\"}");
      id = startingSession();
      pid = pidInLog(id);
      Instant createdAt = Instant.now();
      // Past the first look at the connection: one of the periodic ones must see it closed.
      Waits.until(
          "a second into the start",
          Duration.ofSeconds(5),
          () -> Instant.now().isAfter(createdAt.plusSeconds(1)));
      assertEquals("starting", HTTP.get("paraview/" + id).json().getString("state"));
    }

    Waits.until(
        "the session gone once its client left",
        NOTICED,
        () -> HTTP.get("paraview/" + id).status() == 404);
    Waits.until("its process gone", NOTICED, () -> ProcessHandle.of(pid).isEmpty());
    assertEquals("", Files.readString(LibertyServer.proxyFile()).strip());
    String trail = Files.readString(LibertyServer.serverDir().resolve("logs/sessions/audit.jsonl"));
    assertTrue(
        trail
            .lines()
            .anyMatch(
                line ->
                    line.contains(id)
                        && line.contains("\"action\":\"end\"")
                        && line.contains("\"outcome\":\"abandoned\"")),
        trail);
  }

  private static void post(Socket socket, String body) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST /paraview/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + body.length()
                + "\r\n\r\n"
                + body)
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static String startingSession() {
    return Waits.value(
        "the never-ready session starting",
        Duration.ofSeconds(20),
        () ->
            HTTP.get("paraview/").json().getJsonArray("sessions").stream()
                .map(JsonObject.class::cast)
                .filter(s -> s.getString("application").equals("never-ready"))
                .map(s -> s.getString("id"))
                .findFirst());
  }

  private static long pidInLog(String id) {
    Path log = LibertyServer.serverDir().resolve("logs/sessions/" + id + ".txt");
    return Waits.value(
        "the session's pid in its log",
        Duration.ofSeconds(10),
        () ->
            Files.exists(log)
                ? Files.readString(log)
                    .lines()
                    .filter(line -> line.startsWith("pid "))
                    .map(line -> Long.parseLong(line.substring(4).trim()))
                    .findFirst()
                : Optional.<Long>empty());
  }
}
