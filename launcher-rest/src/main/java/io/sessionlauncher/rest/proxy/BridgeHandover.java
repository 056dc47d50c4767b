package io.sessionlauncher.rest.proxy;

import jakarta.websocket.DeploymentException;
import java.io.IOException;

/**
 * A bridge on its way from {@link WebSocketProxyFilter}, which made it, to the {@link
 * ProxyEndpoint} the server makes for the upgraded connection. It is only known on the filter's
 * thread, while the filter asks the server to upgrade (the server's handshake, {@link
 * ProxyEndpointConfigurator#modifyHandshake}, runs within that call and moves it into the
 * connection's own user properties). Nothing is left behind once the call returns, upgraded or not:
 * what the filter does not see upgraded it abandons itself.
 *
 * @param bridge the proxied connection's bridge
 * @param subprotocol the subprotocol the session chose, empty for none
 */
record BridgeHandover(WebSocketBridge bridge, String subprotocol) {
  private static final ThreadLocal<BridgeHandover> UNDER_WAY = new ThreadLocal<>();

  /** What asks the server to upgrade. */
  @FunctionalInterface
  interface Upgrade {
    void run() throws IOException, DeploymentException;
  }

  /** Runs {@code upgrade} with this hand-over known to the server's handshake on this thread. */
  void during(Upgrade upgrade) throws IOException, DeploymentException {
    UNDER_WAY.set(this);
    try {
      upgrade.run();
    } finally {
      UNDER_WAY.remove();
    }
  }

  /** The hand-over of the upgrade under way on this thread, or {@code null} for none. */
  static BridgeHandover underWay() {
    return UNDER_WAY.get();
  }
}
