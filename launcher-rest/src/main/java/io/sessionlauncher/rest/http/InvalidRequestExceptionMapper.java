package io.sessionlauncher.rest.http;

import io.sessionlauncher.model.InvalidRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 400 for a request the launcher cannot carry out as sent: not JSON, no or an unknown application,
 * a value its rule refuses, a template variable it does not give.
 */
@Provider
public class InvalidRequestExceptionMapper implements ExceptionMapper<InvalidRequestException> {

  @Override
  public Response toResponse(InvalidRequestException exception) {
    return ErrorResponses.of(400, exception);
  }
}
