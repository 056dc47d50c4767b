package io.sessionlauncher.engine.os;

import java.util.HashSet;
import java.util.Set;

/**
 * Counts established TCP connections to a local port, as the Linux kernel lists them in {@code
 * /proc/net/tcp} and {@code /proc/net/tcp6}. This is how idleness is told: a session nobody is
 * connected to is idle, whatever its process says.
 */
public final class TcpConnections {
  private static final String ESTABLISHED = "01";

  private TcpConnections() {}

  /** Whether this machine exposes the kernel's connection tables (Linux). */
  public static boolean available() {
    return KernelTcpTables.available();
  }

  /**
   * The local ports with at least one established connection, from one read of the tables; empty
   * where they are missing. One read serves every session of a sweep.
   */
  public static Set<Integer> establishedPorts() {
    Set<Integer> ports = new HashSet<>();
    KernelTcpTables.forEachRow(
        row -> {
          if (ESTABLISHED.equals(row.state())) {
            ports.add(localPort(row.local()));
          }
        });
    return ports;
  }

  private static int localPort(String address) {
    try {
      return KernelTcpTables.port(address);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
