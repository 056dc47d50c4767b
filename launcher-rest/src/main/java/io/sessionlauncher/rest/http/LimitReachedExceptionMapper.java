package io.sessionlauncher.rest.http;

import io.sessionlauncher.model.LimitReachedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 429 with {@code Retry-After} when the caller has as many sessions as one user may, or too many
 * sessions are starting at once: the caller, not the launcher, is at its limit.
 */
@Provider
public class LimitReachedExceptionMapper implements ExceptionMapper<LimitReachedException> {

  @Override
  public Response toResponse(LimitReachedException exception) {
    return Response.fromResponse(ErrorResponses.of(429, exception))
        .header(HttpHeaders.RETRY_AFTER, ResourcesExhaustedExceptionMapper.RETRY_AFTER_SECONDS)
        .build();
  }
}
