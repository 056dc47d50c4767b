package io.sessionlauncher.rest.http;

import io.sessionlauncher.model.SessionNotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 404 for an id that names no session, or one that ended long enough ago to be forgotten. */
@Provider
public class SessionNotFoundExceptionMapper implements ExceptionMapper<SessionNotFoundException> {

  @Override
  public Response toResponse(SessionNotFoundException exception) {
    return ErrorResponses.of(404, exception);
  }
}
