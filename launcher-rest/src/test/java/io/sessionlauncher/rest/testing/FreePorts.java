package io.sessionlauncher.rest.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Finds a run of consecutive ports that nothing listens on, for a test's resource range. */
public final class FreePorts {
  private FreePorts() {}

  /** The first port of {@code count} consecutive free ports between 20000 and 60000. */
  public static int range(int count) {
    for (int attempt = 0; attempt < 200; attempt++) {
      int first = 20000 + ThreadLocalRandom.current().nextInt(40000 - count);
      if (allFree(first, count)) {
        return first;
      }
    }
    throw new IllegalStateException("no " + count + " consecutive free ports found");
  }

  private static boolean allFree(int first, int count) {
    for (int port = first; port < first + count; port++) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }
}
