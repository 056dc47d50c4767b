package io.sessionlauncher.rest.proxy;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.logging.Logger;

/**
 * Deploys the proxy's WebSocket endpoint under every {@link ProxyEndpointPath#templates() path
 * template} of the proxy. Payara's Tyrus implements {@code ServerContainer.upgradeHttpToWebSocket}
 * by matching the request against endpoints deployed under a path; Open Liberty upgrades to the
 * configuration it is given and never uses these. Either way only {@link WebSocketProxyFilter} asks
 * for an upgrade to them: the servers run their own upgrade of deployed endpoints after the
 * application's filters, and the filter answers every WebSocket upgrade to the proxy's paths
 * itself.
 */
@WebListener
public class ProxyEndpoints implements ServletContextListener {
  private static final Logger LOG = Logger.getLogger(ProxyEndpoints.class.getName());

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServerContainer container =
        (ServerContainer) event.getServletContext().getAttribute(ServerContainer.class.getName());
    if (container == null) {
      // WebSocketProxyFilter refuses upgrades there with 501, saying so.
      LOG.info("The server has no WebSocket support: the launcher's WebSocket proxy is off");
      return;
    }
    ProxyEndpointConfigurator configurator = new ProxyEndpointConfigurator();
    for (String template : ProxyEndpointPath.templates()) {
      try {
        container.addEndpoint(
            ServerEndpointConfig.Builder.create(ProxyEndpoint.class, template)
                .configurator(configurator)
                .build());
      } catch (DeploymentException e) {
        throw new IllegalStateException(
            "The launcher's WebSocket proxy could not deploy its endpoint at " + template, e);
      }
    }
  }
}
