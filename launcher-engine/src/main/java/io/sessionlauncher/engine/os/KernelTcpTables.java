package io.sessionlauncher.engine.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rows of the Linux kernel's TCP connection tables, {@code /proc/net/tcp} and {@code
 * /proc/net/tcp6}, read once: what {@link TcpConnections} and {@link ConnectionTable} each make
 * their own view of.
 */
final class KernelTcpTables {
  private static final List<Path> TABLES =
      List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

  /**
   * One connection: its local and remote ends as the kernel writes them ({@code 0100007F:1F90}) and
   * its state (two hex digits).
   */
  record Row(String local, String remote, String state) {}

  private KernelTcpTables() {}

  /** Whether this machine exposes the tables (Linux). */
  static boolean available() {
    return Files.isReadable(TABLES.get(0));
  }

  /** Hands every row of both tables to {@code action}; a table that cannot be read is skipped. */
  static void forEachRow(Consumer<Row> action) {
    for (Path table : TABLES) {
      List<String> lines;
      try {
        lines = Files.readAllLines(table, StandardCharsets.US_ASCII);
      } catch (IOException e) {
        continue; // tcp6 is missing where IPv6 is off
      }
      for (int i = 1; i < lines.size(); i++) {
        String[] columns = lines.get(i).trim().split("\\s+");
        if (columns.length > 3) {
          action.accept(new Row(columns[1], columns[2], columns[3]));
        }
      }
    }
  }

  /**
   * The port of an end as the kernel writes it.
   *
   * @throws NumberFormatException when it is not one
   */
  static int port(String end) {
    return Integer.parseInt(end.substring(end.lastIndexOf(':') + 1), 16);
  }
}
