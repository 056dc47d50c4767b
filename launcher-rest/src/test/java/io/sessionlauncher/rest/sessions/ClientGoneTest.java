package io.sessionlauncher.rest.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.model.Session;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11: a client that closes its connection while its session is starting has the session
 * ended, its process stopped and its port back, over a real socket on Jersey; one that stays gets
 * its answer. The end is in the audit trail with the cause {@code abandoned}.
 */
class ClientGoneTest {
  private static final Duration NOTICED = Duration.ofSeconds(5);

  @RegisterExtension
  static final InProcessLauncher launcher =
      InProcessLauncher.withPorts(
          2,
          json ->
              json
                  // Never ready in the 20 s timeout; its pid is in the log for the test.
                  .app("slow", sh("echo pid $$$$; exec sleep 600"), "never")
                  .app(
                      "late", sh("echo pid $$$$; sleep 1.5; echo ready; exec sleep 600"), "ready"));

  private static List<String> sh(String script) {
    return List.of("/bin/sh", "-c", script);
  }

  @AfterEach
  void endSessions() {
    launcher.stopAllSessions();
  }

  /** Sends a blocking launch on a raw socket and returns it open, the answer not yet read. */
  private static Socket launchOnSocket(String app) throws IOException {
    Socket socket = new Socket("127.0.0.1", launcher.base().getPort());
    String body = "{\"application\": \"" + app + "\"}";
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST /paraview/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + body.length()
                + "\r\n\r\n"
                + body)
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  private static Session starting() {
    return Waits.value(
        "the session starting",
        Duration.ofSeconds(10),
        () ->
            launcher.sessions().list().stream()
                .filter(s -> s.state().name().equals("STARTING"))
                .findFirst());
  }

  private static long pidOf(Session session) {
    Path log = launcher.json().logDir().resolve(session.id() + ".txt");
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
                : Optional.empty());
  }

  @Test
  void aClientThatClosesItsConnectionBeforeReadyHasItsSessionEnded() throws Exception {
    closeAfterAndCheck(Duration.ZERO);
  }

  /** Later: not seen by the first look at the connection, but by one of the periodic ones. */
  @Test
  void aClientThatClosesItsConnectionWhileItWaitsHasItsSessionEnded() throws Exception {
    closeAfterAndCheck(Duration.ofSeconds(1));
  }

  private void closeAfterAndCheck(Duration wait) throws Exception {
    Session session;
    long pid;
    Socket socket = launchOnSocket("slow");
    try {
      session = starting();
      pid = pidOf(session);
      Instant closeAt = session.createdAt().plus(wait);
      Waits.until("the moment to close", wait.plusSeconds(5), () -> Instant.now().isAfter(closeAt));
      assertTrue(
          launcher.sessions().find(session.id()).isPresent(), "still starting while connected");
      assertTrue(ProcessHandle.of(pid).isPresent(), "the session's process runs");
    } finally {
      socket.close();
    }

    // Never ready, so never handed to a client: it leaves the registry as it ends.
    Waits.until(
        "the session ended after its client left",
        NOTICED,
        () -> launcher.sessions().find(session.id()).isEmpty());
    Waits.until("the session's process gone", NOTICED, () -> ProcessHandle.of(pid).isEmpty());
    assertEquals(launcher.pool().size(), launcher.pool().available(), "its port is back");
    assertEquals("", Files.readString(launcher.json().proxyFile()));
    // The audit's end line is written as the end completes, which may be just after the session
    // left the registry and its process went: waited for, not read once.
    Path audit = launcher.json().logDir().resolve("audit.jsonl");
    Waits.until(
        "the audit's abandoned end of " + session.id(),
        NOTICED,
        () ->
            Files.readString(audit)
                .lines()
                .anyMatch(
                    line ->
                        line.contains(session.id().toString())
                            && line.contains("\"action\":\"end\"")
                            && line.contains("\"outcome\":\"abandoned\"")));
  }

  @Test
  void aClientThatWaitsGetsItsSession() throws Exception {
    Http.Answer answer = new Http().post(launcher.uri("paraview/"), "{\"application\": \"late\"}");

    assertEquals(200, answer.status(), answer.body());
    assertEquals(
        "ready",
        new Http()
            .get(launcher.uri("paraview/" + answer.json().getString("id")))
            .json()
            .getString("state"));
  }
}
