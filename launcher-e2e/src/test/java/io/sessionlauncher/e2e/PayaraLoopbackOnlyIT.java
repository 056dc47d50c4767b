package io.sessionlauncher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The self-contained WAR on Payara Micro without sign-on, as README "Deploy on Payara Micro" warns
 * against: no {@code loopback.asadmin}, so Payara listens on every interface. The launcher cannot
 * learn that from Payara (there is no {@code http.host}), so it starts, but serves loopback only:
 * whatever reaches it on another of the machine's addresses is 403 with the launcher's JSON error
 * naming {@code launcher.allowAnonymous}, and starts nothing. Runs in profile {@code
 * payara-sign-on}.
 */
class PayaraLoopbackOnlyIT {
  private static final String DEMO = "{\"application\": \"demo\"}";

  private static PayaraMicro payara;
  private static int port;

  @BeforeAll
  static void startOnEveryInterface() {
    Path dir = Path.of(SystemTools.required("e2e.payara.anonymous.dir"));
    port = Integer.parseInt(SystemTools.required("e2e.payara.anonymous.port"));
    payara =
        PayaraMicro.start(
            dir,
            Path.of(SystemTools.required("e2e.payara.jar")),
            Path.of(SystemTools.required("e2e.payara.war")),
            port,
            Path.of(SystemTools.required("e2e.payara.anonymous.preboot")),
            List.of(),
            Map.of("LAUNCHER_CONFIG", dir.resolve("launcher.json").toString()));
  }

  @AfterAll
  static void stop() {
    if (payara != null) {
      payara.close();
    }
  }

  @Test
  void onLoopbackTheLauncherServesAnonymousCallers() {
    Http.Answer list = new Http(URI.create("http://127.0.0.1:" + port + "/")).get("paraview/");
    assertEquals(200, list.status(), list.body());
    assertEquals("anonymous", list.json().getString("user"), list.body());
    assertTrue(
        payara.log().contains("so a request that reaches it on any other than a loopback address"),
        "the start-up log says that requests beyond loopback are refused");
  }

  @Test
  void onAnyOtherAddressEveryRequestIsRefusedAndNothingStarts() throws IOException {
    InetAddress address = otherAddress().orElse(null);
    Assumptions.assumeTrue(
        address != null, "this machine has no address but loopback to reach Payara on");
    // Payara listens there: the refusal is the launcher's, not a closed port. Each request names
    // loopback in its Host header, as anyone on the network may write it, so that the launcher's
    // check of Host (against DNS rebinding) lets it through: the refusal is for the address the
    // request reached.
    String local = "Host: 127.0.0.1:" + port + "\r\n";
    List<String> requests =
        List.of(
            "GET /paraview/ HTTP/1.1\r\n" + local,
            "POST /paraview/ HTTP/1.1\r\n"
                + local
                + "Content-Type: application/json\r\nContent-Length: "
                + DEMO.length()
                + "\r\n\r\n"
                + DEMO,
            "GET /index.html HTTP/1.1\r\n" + local,
            "OPTIONS /paraview/ HTTP/1.1\r\n"
                + local
                + "Origin: http://127.0.0.1:"
                + port
                + "\r\nAccess-Control-Request-Method: POST\r\n",
            // A WebSocket upgrade to the launcher's proxy.
            "GET /session/"
                + UUID.randomUUID()
                + "/ws HTTP/1.1\r\n"
                + local
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
    for (String request : requests) {
      String answer = exchange(address, request.contains("\r\n\r\n") ? request : request + "\r\n");
      String status = answer.lines().findFirst().orElse("(no answer)");
      assertTrue(status.startsWith("HTTP/1.1 403"), status + " for " + request);
      assertTrue(answer.contains("application/json"), answer);
      assertTrue(answer.contains("launcher.allowAnonymous=true"), answer);
    }
    int first = Integer.parseInt(SystemTools.required("e2e.payara.anonymous.pool.first"));
    int last = Integer.parseInt(SystemTools.required("e2e.payara.anonymous.pool.last"));
    for (int p = first; p <= last; p++) {
      assertEquals(List.of(), Processes.demoOnPort(p), "a session started for a refused request");
    }
    assertFalse(
        new Http(URI.create("http://127.0.0.1:" + port + "/"))
            .get("paraview/")
            .body()
            .contains("\"id\""),
        "no session was started");
  }

  /** An address of this machine's that is up and is not loopback. */
  private static Optional<InetAddress> otherAddress() {
    try {
      return NetworkInterface.networkInterfaces()
          .filter(PayaraLoopbackOnlyIT::up)
          .flatMap(NetworkInterface::inetAddresses)
          .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
          .findFirst();
    } catch (SocketException e) {
      return Optional.empty();
    }
  }

  private static boolean up(NetworkInterface network) {
    try {
      return network.isUp();
    } catch (SocketException e) {
      return false;
    }
  }

  /** Sends {@code request} as it is to Payara at {@code address}; its whole answer. */
  private static String exchange(InetAddress address, String request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 5_000);
      socket.setSoTimeout(10_000);
      String closing = request.replaceFirst("\r\n", "\r\nConnection: close\r\n");
      socket.getOutputStream().write(closing.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
