package io.sessionlauncher.rest.http;

import io.sessionlauncher.model.LauncherException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 500 for a {@link LauncherException} of a family without a mapper of its own: a {@code
 * ConfigurationException}, a plugin's failure, the proxy file that cannot be written. JAX-RS
 * (Jersey and RESTEasy alike) takes the mapper of an exception's nearest superclass, so the
 * families with their own status have their own mapper beside this one.
 */
@Provider
public class LauncherExceptionMapper implements ExceptionMapper<LauncherException> {

  @Override
  public Response toResponse(LauncherException exception) {
    return ErrorResponses.of(500, exception);
  }
}
