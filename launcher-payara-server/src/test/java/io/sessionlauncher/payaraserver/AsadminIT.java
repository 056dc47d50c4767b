package io.sessionlauncher.payaraserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The self-contained WAR on a real Payara Server, deployed with {@code asadmin deploy}: sessions
 * launch and stop through the REST interface, and {@code asadmin disable} (what the admin console's
 * Disable runs) stops every session and empties the proxy file, after which {@code asadmin enable}
 * brings the launcher back. The HTTP listener answers on loopback only, as the README's {@code
 * asadmin set} line makes it.
 */
class AsadminIT {
  private static final Duration PROCESS_END = Duration.ofSeconds(30);

  @Test
  void theHttpListenerIsOnLoopbackOnly() throws Exception {
    var unused = PayaraServer.launcher();
    List<InetAddress> others =
        NetworkInterface.networkInterfaces()
            .flatMap(NetworkInterface::inetAddresses)
            .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
            .toList();
    Assumptions.assumeFalse(others.isEmpty(), "this machine has no address but loopback");
    int port = PayaraServer.root().getPort();
    for (InetAddress address : others) {
      try (Socket socket = new Socket()) {
        assertThrows(
            ConnectException.class,
            () -> socket.connect(new InetSocketAddress(address, port), 5_000),
            "the launcher's HTTP port " + port + " answers on " + address);
      }
    }
  }

  @Test
  void launchesShowsAndDeletesADemoSession() throws Exception {
    Http http = PayaraServer.launcher();
    PayaraServer.Launched session = PayaraServer.launchDemo(http);
    try {
      assertTrue(
          Files.readString(PayaraServer.proxyFile())
              .contains(session.id() + " 127.0.0.1:" + session.port()),
          "proxy line");

      Http.Answer shown = http.get("paraview/" + session.id());
      assertEquals(200, shown.status(), shown.body());
      assertEquals("ready", shown.json().getString("state"));

      Http.Answer deleted = http.delete("paraview/" + session.id());
      assertEquals(200, deleted.status(), deleted.body());
      assertEquals("ended", deleted.json().getString("state"));
      Waits.until("the session process ended", PROCESS_END, () -> !session.process().isAlive());
      assertFalse(Files.readString(PayaraServer.proxyFile()).contains(session.id()), "proxy line");
    } finally {
      PayaraServer.end(http, List.of(session));
    }
  }

  @Test
  void disableStopsEverySessionAndEnableBringsTheLauncherBack() throws Exception {
    Http http = PayaraServer.launcher();
    List<PayaraServer.Launched> sessions = new ArrayList<>();
    boolean enabled = true;
    try {
      sessions.add(PayaraServer.launchDemo(http));
      sessions.add(PayaraServer.launchDemo(http));

      var unused = PayaraServer.asadmin("disable", PayaraServer.application());
      enabled = false;
      for (PayaraServer.Launched session : sessions) {
        Waits.until(
            "session process " + session.process().pid() + " ended with the disabled application",
            PROCESS_END,
            () -> !session.process().isAlive());
      }
      assertEquals("", Files.readString(PayaraServer.proxyFile()));
      assertEquals(404, http.get("paraview/").status(), "a disabled application is not there");

      unused = PayaraServer.asadmin("enable", PayaraServer.application());
      enabled = true;
      PayaraServer.Launched relaunched = PayaraServer.launchDemo(PayaraServer.launcher());
      sessions.add(relaunched);
      Http.Answer shown = http.get("paraview/" + relaunched.id());
      assertEquals("ready", shown.json().getString("state"), shown.body());
    } finally {
      if (!enabled) {
        var unused = PayaraServer.asadmin("enable", PayaraServer.application());
      }
      PayaraServer.end(http, sessions);
    }
  }
}
