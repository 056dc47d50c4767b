package io.sessionlauncher.engine.plugin;

import io.sessionlauncher.spi.ProductLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A product that is a listening socket: started, it holds a loopback port; stopped, the port is
 * free again. It counts the calls the launcher makes, and can be told to report fewer servers than
 * its plugin's spec names, or never to be ready.
 */
class SocketProduct implements ProductLauncher {
  private final Set<String> reportedKeys;
  private final boolean becomesReady;
  private final AtomicInteger stops = new AtomicInteger();
  private volatile ServerSocket socket;
  private volatile int port;

  /**
   * @param reportedKeys the keys {@link #urls} gives while running
   * @param becomesReady what {@link #check} answers while running
   */
  SocketProduct(Set<String> reportedKeys, boolean becomesReady) {
    this.reportedKeys = Set.copyOf(reportedKeys);
    this.becomesReady = becomesReady;
  }

  @Override
  public synchronized void start() {
    try {
      socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void stop(Duration grace) {
    stops.incrementAndGet();
    ServerSocket open = socket;
    socket = null;
    if (open != null) {
      try {
        open.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public boolean check(Duration timeout) {
    return becomesReady && socket != null;
  }

  @Override
  public Map<String, String> urls() {
    if (socket == null) {
      return Map.of();
    }
    Map<String, String> urls = new LinkedHashMap<>();
    reportedKeys.forEach(key -> urls.put(key, "127.0.0.1:" + port));
    return urls;
  }

  /** The port it held, once started. */
  int port() {
    return port;
  }

  /** How often {@link #stop} was called. */
  int stops() {
    return stops.get();
  }
}
