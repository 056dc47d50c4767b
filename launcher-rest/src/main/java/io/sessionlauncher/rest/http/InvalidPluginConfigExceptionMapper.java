package io.sessionlauncher.rest.http;

import io.sessionlauncher.spi.InvalidPluginConfigException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 400 for a plugin configuration that is invalid: fixed configurations are checked at start-up, so
 * what is invalid now came from the request's values.
 */
@Provider
public class InvalidPluginConfigExceptionMapper
    implements ExceptionMapper<InvalidPluginConfigException> {

  @Override
  public Response toResponse(InvalidPluginConfigException exception) {
    return ErrorResponses.of(400, exception);
  }
}
