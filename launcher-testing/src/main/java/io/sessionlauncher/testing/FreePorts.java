package io.sessionlauncher.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports, found at run time: never a fixed port, so tests run beside other builds on one
 * machine.
 */
public final class FreePorts {
  /**
   * Ranges are taken below Linux's ephemeral ports (32768 and up), so outgoing connects do not race
   * for them.
   */
  private static final int LOWEST = 20_000;

  private static final int HIGHEST = 32_000;
  private static final int ATTEMPTS = 500;

  private FreePorts() {}

  /** One free port, as the operating system hands it out for a socket bound to port 0. */
  public static int find() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port", e);
    }
  }

  /**
   * The first of {@code count} consecutive ports from 20000 up that are free right now, on every
   * address, for a {@code port_range}.
   */
  public static int range(int count) {
    if (count < 1 || count > 1000) {
      throw new IllegalArgumentException("count " + count);
    }
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int first = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST - count);
      if (allFree(first, count)) {
        return first;
      }
    }
    throw new IllegalStateException("no " + count + " consecutive free ports from " + LOWEST);
  }

  /** Whether nothing listens on {@code port} on any address of this machine. */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean allFree(int first, int count) {
    for (int port = first; port < first + count; port++) {
      if (!isFree(port)) {
        return false;
      }
    }
    return true;
  }
}
