package io.sessionlauncher.engine.os;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The states of this machine's TCP connections from one read of {@code /proc/net/tcp} and {@code
 * /proc/net/tcp6} (Linux): how the launcher tells that a client closed its connection while its
 * request waits, which the servlet API only reveals when an answer is written.
 */
public final class ConnectionTable {
  /** The kernel's state once the other side has closed its end: {@code CLOSE_WAIT}. */
  public static final String CLOSE_WAIT = "08";

  private record Key(InetAddress remote, int remotePort, int localPort) {}

  private final Map<Key, String> states;

  private ConnectionTable(Map<Key, String> states) {
    this.states = states;
  }

  /** The tables now, or empty where the kernel does not expose them. */
  public static Optional<ConnectionTable> read() {
    if (!KernelTcpTables.available()) {
      return Optional.empty();
    }
    Map<Key, String> states = new HashMap<>();
    KernelTcpTables.forEachRow(
        row ->
            key(row.local(), row.remote())
                .ifPresent(found -> states.merge(found, row.state(), ConnectionTable::livelier)));
    return Optional.of(new ConnectionTable(states));
  }

  /**
   * The kernel's state of the connection (two hex digits, {@code 01} established, {@value
   * #CLOSE_WAIT} closed by the client), or empty when the tables do not hold it.
   */
  public Optional<String> stateOf(ClientConnection connection) {
    try {
      InetAddress remote = normal(InetAddress.getByName(connection.remoteAddress()));
      return Optional.ofNullable(
          states.get(new Key(remote, connection.remotePort(), connection.localPort())));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** Of two sockets with the same ends (one closing, one new), the one that is not closing. */
  private static String livelier(String one, String other) {
    return CLOSE_WAIT.equals(one) ? other : one;
  }

  /**
   * A line's local and remote columns ({@code 0100007F:1F90}) as the key, from the server's side.
   */
  private static Optional<Key> key(String local, String remote) {
    try {
      int localPort = KernelTcpTables.port(local);
      int remotePort = KernelTcpTables.port(remote);
      InetAddress address = address(remote.substring(0, remote.lastIndexOf(':')));
      return Optional.of(new Key(normal(address), remotePort, localPort));
    } catch (NumberFormatException | UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** The kernel writes addresses as 32-bit words in the machine's (little-endian) byte order. */
  private static InetAddress address(String hex) throws UnknownHostException {
    byte[] bytes = new byte[hex.length() / 2];
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int i = 0; i < 4; i++) {
        int at = (word * 4 + i) * 2;
        bytes[word * 4 + 3 - i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
      }
    }
    return InetAddress.getByAddress(bytes);
  }

  /** An IPv4 address mapped into IPv6 ({@code ::ffff:127.0.0.1}) as the IPv4 address. */
  private static InetAddress normal(InetAddress address) throws UnknownHostException {
    if (address instanceof Inet6Address) {
      byte[] bytes = address.getAddress();
      boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
      for (int i = 0; i < 10 && mapped; i++) {
        mapped = bytes[i] == 0;
      }
      if (mapped) {
        byte[] v4 = {bytes[12], bytes[13], bytes[14], bytes[15]};
        return InetAddress.getByAddress(v4);
      }
    }
    return address;
  }
}
