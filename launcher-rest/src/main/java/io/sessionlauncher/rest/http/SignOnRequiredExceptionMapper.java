package io.sessionlauncher.rest.http;

import io.sessionlauncher.model.SignOnRequiredException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 401 with a bearer challenge when the server signs users on and the request has no user. */
@Provider
public class SignOnRequiredExceptionMapper implements ExceptionMapper<SignOnRequiredException> {

  @Override
  public Response toResponse(SignOnRequiredException exception) {
    return Response.fromResponse(ErrorResponses.of(401, exception))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .build();
  }
}
