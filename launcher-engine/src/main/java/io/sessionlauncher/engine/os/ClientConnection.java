package io.sessionlauncher.engine.os;

import java.util.Objects;

/**
 * One client's TCP connection to the server, as the server's request shows it: enough to find it in
 * the kernel's connection tables.
 *
 * @param remoteAddress the client's address as the server saw it (an IPv4 or IPv6 literal)
 * @param remotePort the client's port
 * @param localPort the server's port the client connected to
 */
public record ClientConnection(String remoteAddress, int remotePort, int localPort) {
  public ClientConnection {
    Objects.requireNonNull(remoteAddress, "remoteAddress");
  }
}
