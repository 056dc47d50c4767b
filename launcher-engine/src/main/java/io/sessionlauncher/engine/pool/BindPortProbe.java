package io.sessionlauncher.engine.pool;

import io.sessionlauncher.model.HostPort;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.UnknownHostException;

/**
 * Probes a pair by binding it for an instant. A pair on another machine cannot be probed from here
 * and counts as free; its session's start will tell.
 */
@ApplicationScoped
public class BindPortProbe implements PortProbe {

  @Override
  public boolean isFree(HostPort pair) {
    InetAddress address;
    try {
      address = InetAddress.getByName(pair.host());
    } catch (UnknownHostException e) {
      return true;
    }
    if (!isLocal(address)) {
      return true;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(address, pair.port()));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isLocal(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
      return true;
    }
    try {
      return NetworkInterface.getByInetAddress(address) != null;
    } catch (SocketException e) {
      return false;
    }
  }
}
