package io.sessionlauncher.bench.measure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether a loopback port can be bound, probed the way the launcher's pool probes it. */
final class PortCheck {
  private PortCheck() {}

  static boolean bindable(String host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
