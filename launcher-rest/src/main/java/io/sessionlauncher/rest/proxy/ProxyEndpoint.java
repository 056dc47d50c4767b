package io.sessionlauncher.rest.proxy;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The browser's side of a proxied WebSocket where the server upgrades only to endpoints deployed
 * under a matching path (Payara's Tyrus): one per connection, passing everything to the
 * connection's {@link WebSocketBridge}, which it finds in the connection's user properties. A
 * connection that has none did not come through {@link WebSocketProxyFilter}'s checks and is closed
 * at once (1008).
 */
public final class ProxyEndpoint extends Endpoint {
  private static final Logger LOG = Logger.getLogger(ProxyEndpoint.class.getName());

  private WebSocketBridge bridge;

  /** One for each connection, made by {@link ProxyEndpointConfigurator}. */
  ProxyEndpoint() {}

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    if (config.getUserProperties().remove(ProxyEndpointConfigurator.BRIDGE)
        instanceof WebSocketBridge handed) {
      bridge = handed;
      handed.onOpen(session, config);
      return;
    }
    try {
      session.close(
          new CloseReason(
              CloseReason.CloseCodes.VIOLATED_POLICY, "Not opened through the launcher's proxy"));
    } catch (IOException e) {
      LOG.log(Level.FINE, "Closing a connection without a bridge failed", e);
    }
  }

  @Override
  public void onClose(Session session, CloseReason reason) {
    if (bridge != null) {
      bridge.onClose(session, reason);
    }
  }

  @Override
  public void onError(Session session, Throwable error) {
    if (bridge != null) {
      bridge.onError(session, error);
    }
  }
}
