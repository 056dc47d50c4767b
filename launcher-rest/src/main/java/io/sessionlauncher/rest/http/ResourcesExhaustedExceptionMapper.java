package io.sessionlauncher.rest.http;

import io.sessionlauncher.model.ResourcesExhaustedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 503 with {@code Retry-After} when every port of the pool is taken or an application has its most
 * sessions: the client may come back later.
 */
@Provider
public class ResourcesExhaustedExceptionMapper
    implements ExceptionMapper<ResourcesExhaustedException> {
  /** Seconds a client is asked to wait before retrying. */
  static final String RETRY_AFTER_SECONDS = "5";

  @Override
  public Response toResponse(ResourcesExhaustedException exception) {
    return Response.fromResponse(ErrorResponses.of(503, exception))
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .build();
  }
}
