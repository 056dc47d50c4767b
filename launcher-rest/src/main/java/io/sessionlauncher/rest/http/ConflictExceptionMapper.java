package io.sessionlauncher.rest.http;

import io.sessionlauncher.model.ConflictException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 409 when a request would silently replace something that exists. */
@Provider
public class ConflictExceptionMapper implements ExceptionMapper<ConflictException> {

  @Override
  public Response toResponse(ConflictException exception) {
    return ErrorResponses.of(Response.Status.CONFLICT.getStatusCode(), exception);
  }
}
