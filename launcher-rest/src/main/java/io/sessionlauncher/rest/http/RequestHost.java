package io.sessionlauncher.rest.http;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * The host and port a request was sent to: its {@code Host} header or, over HTTP/2, which has no
 * {@code Host} header, the authority of the request URI.
 */
final class RequestHost {
  private RequestHost() {}

  /** The request's {@code host[:port]}, or {@code null} when it names none. */
  static String of(ContainerRequestContext request) {
    String host = request.getHeaderString("Host");
    return host != null ? host : request.getUriInfo().getRequestUri().getRawAuthority();
  }
}
