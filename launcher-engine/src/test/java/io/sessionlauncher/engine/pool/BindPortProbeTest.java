package io.sessionlauncher.engine.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.ResourceRange;
import io.sessionlauncher.testing.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real probe against real sockets: a port another program listens on is not handed out. */
class BindPortProbeTest {
  private final BindPortProbe probe = new BindPortProbe();

  private static ServerSocket listenOnLoopback(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 1);
    return socket;
  }

  @Test
  void aPortWithAListenerIsBusyAndFreeAgainOnceClosed() throws IOException {
    int port;
    try (ServerSocket listener = listenOnLoopback(0)) {
      port = listener.getLocalPort();

      assertFalse(probe.isFree(new HostPort("127.0.0.1", port)));
      assertFalse(probe.isFree(new HostPort("localhost", port)));
      assertFalse(probe.isFree(new HostPort("0.0.0.0", port)));
    }
    assertTrue(probe.isFree(new HostPort("127.0.0.1", port)));
  }

  @Test
  void thePoolSkipsAPortThatIsListenedOn() throws IOException {
    int first = FreePorts.range(3);
    try (ServerSocket listener = listenOnLoopback(first)) {
      assertEquals(first, listener.getLocalPort());
      ResourcePool pool =
          new ResourcePool(List.of(new ResourceRange("127.0.0.1", first, first + 2)), probe);

      assertEquals(new HostPort("127.0.0.1", first + 1), pool.acquire());
      assertEquals(new HostPort("127.0.0.1", first + 2), pool.acquire());
      assertEquals(1, pool.available());
    }
  }

  @Test
  void probingDoesNotKeepThePortBound() throws IOException {
    int port = FreePorts.find();

    assertTrue(probe.isFree(new HostPort("127.0.0.1", port)));
    try (ServerSocket listener = listenOnLoopback(port)) {
      assertEquals(port, listener.getLocalPort());
    }
  }

  @Test
  void aHostOfAnotherMachineCountsAsFree() {
    // 192.0.2.0/24 is TEST-NET-1: never an address of this machine.
    assertTrue(probe.isFree(new HostPort("192.0.2.1", 9001)));
  }
}
