package io.sessionlauncher.rest.proxy;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/**
 * The configurator of the proxy's deployed endpoints: each connection gets a new {@link
 * ProxyEndpoint}, the subprotocol the session chose, and (in its user properties, which the server
 * keeps per connection and hands to {@code onOpen}) the bridge {@link WebSocketProxyFilter} made
 * for it. Origins are not checked here: the filter did, before connecting to the session.
 */
final class ProxyEndpointConfigurator extends ServerEndpointConfig.Configurator {
  /** The user property that carries a connection's bridge from the handshake to its endpoint. */
  static final String BRIDGE = ProxyEndpoint.class.getName() + ".bridge";

  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    BridgeHandover handover = BridgeHandover.underWay();
    if (handover != null) {
      config.getUserProperties().put(BRIDGE, handover.bridge());
    }
  }

  @Override
  public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
    BridgeHandover handover = BridgeHandover.underWay();
    return handover == null ? "" : handover.subprotocol();
  }

  @Override
  public boolean checkOrigin(String originHeaderValue) {
    return true;
  }

  @Override
  public <T> T getEndpointInstance(Class<T> endpointClass) {
    return endpointClass.cast(new ProxyEndpoint());
  }
}
