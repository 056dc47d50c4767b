package io.sessionlauncher.rest.http;

import io.sessionlauncher.model.SessionStartException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 503 for a session whose process could not start, exited before it was ready, or was not ready in
 * time.
 */
@Provider
public class SessionStartExceptionMapper implements ExceptionMapper<SessionStartException> {

  @Override
  public Response toResponse(SessionStartException exception) {
    return ErrorResponses.of(503, exception);
  }
}
