package io.sessionlauncher.engine.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts established TCP connections to a local port, as the Linux kernel lists them in {@code
 * /proc/net/tcp} and {@code /proc/net/tcp6}. This is how idleness is told: a session nobody is
 * connected to is idle, whatever its process says.
 */
public final class TcpConnections {
  private static final String ESTABLISHED = "01";
  private static final List<Path> TABLES =
      List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

  private TcpConnections() {}

  /** Whether this machine exposes the kernel's connection tables (Linux). */
  public static boolean available() {
    return Files.isReadable(TABLES.get(0));
  }

  /**
   * The local ports with at least one established connection, from one read of the tables; empty
   * where they are missing. One read serves every session of a sweep.
   */
  public static Set<Integer> establishedPorts() {
    Set<Integer> ports = new HashSet<>();
    for (Path table : TABLES) {
      List<String> lines;
      try {
        lines = Files.readAllLines(table, StandardCharsets.US_ASCII);
      } catch (IOException e) {
        continue;
      }
      for (int i = 1; i < lines.size(); i++) {
        String[] columns = lines.get(i).trim().split("\\s+");
        if (columns.length > 3 && ESTABLISHED.equals(columns[3])) {
          ports.add(localPort(columns[1]));
        }
      }
    }
    return ports;
  }

  private static int localPort(String address) {
    int colon = address.lastIndexOf(':');
    try {
      return Integer.parseInt(address.substring(colon + 1), 16);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
