package io.sessionlauncher.rest.testing;

import io.sessionlauncher.engine.os.ClientConnection;
import io.sessionlauncher.rest.security.SignOnFilter;
import jakarta.annotation.Priority;
import jakarta.inject.Provider;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import org.glassfish.grizzly.http.server.Request;

/**
 * What the launcher's servlet filter ({@code ClientAddressFilter}) does in a servlet container, for
 * the in-process launcher on Grizzly, which has no servlets: the client's address and connection
 * from Grizzly's own request, as request properties.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 300)
public class GrizzlyClientAddress implements ContainerRequestFilter {
  @Context Provider<Request> grizzly;

  @Override
  public void filter(ContainerRequestContext request) {
    Request connection = grizzly.get();
    request.setProperty(SignOnFilter.CLIENT_ADDRESS, connection.getRemoteAddr());
    request.setProperty(
        SignOnFilter.CLIENT_CONNECTION,
        new ClientConnection(
            connection.getRemoteAddr(), connection.getRemotePort(), connection.getLocalPort()));
  }
}
