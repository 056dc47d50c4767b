package io.sessionlauncher.rest.http;

import io.sessionlauncher.model.RequestTooLargeException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 413 for a body over its limit: nearer than the 400 of the other invalid requests. */
@Provider
public class RequestTooLargeExceptionMapper implements ExceptionMapper<RequestTooLargeException> {

  @Override
  public Response toResponse(RequestTooLargeException exception) {
    return ErrorResponses.of(413, exception);
  }
}
