package io.sessionlauncher.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On the server the Maven profile picks (its servlet container's connection, RESTEasy on Open
 * Liberty, Jersey on Payara Micro): a client that closes its connection while its session starts
 * has the session ended with the cause {@code abandoned}, its process gone, its proxy line gone.
 */
@ExtendWith(ArquillianExtension.class)
class ClientGoneIT {
  private static final Duration NOTICED = Duration.ofSeconds(5);
  private final Http http = new Http(Deployments.root());

  @Deployment(testable = false)
  static Archive<?> deployment() {
    return Deployments.launcher();
  }

  @Test
  void aClientThatClosesItsConnectionWhileItsSessionStartsHasItEnded() throws Exception {
    String id;
    long pid;
    try (Socket socket = new Socket("127.0.0.1", Deployments.root().getPort())) {
      post(socket, "{\"application\": \"" + Deployments.NEVER_READY + "\"}");
      id = startingSession();
      pid = pidInLog(id);
      Instant createdAt = Instant.now();
      // Past the first look at the connection: one of the periodic ones must see it closed.
      Waits.until(
          "a second into the start",
          Duration.ofSeconds(5),
          () -> Instant.now().isAfter(createdAt.plusSeconds(1)));
      assertEquals("starting", http.get("paraview/" + id).json().getString("state"));
    }

    Waits.until(
        Deployments.server() + ": the session gone once its client left",
        NOTICED,
        () -> http.get("paraview/" + id).status() == 404);
    Waits.until("its process gone", NOTICED, () -> ProcessHandle.of(pid).isEmpty());
    assertFalse(
        Files.readString(Deployments.configuration().proxyFile()).contains(id),
        "no proxy line of " + id);
    String trail = Files.readString(Deployments.configuration().logDir().resolve("audit.jsonl"));
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
        ("POST "
                + Deployments.root().getPath()
                + "paraview/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + body.length()
                + "\r\n\r\n"
                + body)
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private String startingSession() {
    return Waits.value(
        "the never-ready session starting",
        Duration.ofSeconds(20),
        () ->
            http.get("paraview/").json().getJsonArray("sessions").stream()
                .map(JsonObject.class::cast)
                .filter(s -> s.getString("application").equals(Deployments.NEVER_READY))
                .map(s -> s.getString("id"))
                .findFirst());
  }

  private static long pidInLog(String id) {
    Path log = Deployments.configuration().logDir().resolve(id + ".txt");
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
