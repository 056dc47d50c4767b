package io.sessionlauncher.rest.http;

import io.sessionlauncher.model.AccessDeniedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 403 for a signed-on caller who may not use the launcher or the application asked for. */
@Provider
public class AccessDeniedExceptionMapper implements ExceptionMapper<AccessDeniedException> {

  @Override
  public Response toResponse(AccessDeniedException exception) {
    return ErrorResponses.of(403, exception);
  }
}
