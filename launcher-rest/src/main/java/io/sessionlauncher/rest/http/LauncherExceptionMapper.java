package io.sessionlauncher.rest.http;

import io.sessionlauncher.model.ConfigurationException;
import io.sessionlauncher.model.InvalidRequestException;
import io.sessionlauncher.model.LauncherException;
import io.sessionlauncher.model.RequestTooLargeException;
import io.sessionlauncher.model.ResourcesExhaustedException;
import io.sessionlauncher.model.SessionNotFoundException;
import io.sessionlauncher.model.SessionStartException;
import io.sessionlauncher.rest.Json;
import io.sessionlauncher.spi.InvalidPluginConfigException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers every {@link LauncherException} with {@code {"error": message}} and the status of its
 * family, so Jersey and RESTEasy give the same bytes.
 */
@Provider
public class LauncherExceptionMapper implements ExceptionMapper<LauncherException> {
  private static final Logger LOG = Logger.getLogger(LauncherExceptionMapper.class.getName());

  /** Seconds a client is asked to wait before retrying when the pool is empty. */
  static final String RETRY_AFTER_SECONDS = "5";

  @Override
  public Response toResponse(LauncherException exception) {
    int status = status(exception);
    if (status >= 500) {
      LOG.log(
          status == 503 ? Level.WARNING : Level.SEVERE,
          exception.getMessage(),
          status == 503 ? null : exception);
    }
    Response response = Json.error(status, exception.getMessage());
    if (exception instanceof ResourcesExhaustedException) {
      return Response.fromResponse(response)
          .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
          .build();
    }
    return response;
  }

  static int status(LauncherException exception) {
    if (exception instanceof RequestTooLargeException) {
      return 413;
    } else if (exception instanceof InvalidPluginConfigException) {
      // Static configurations are checked at start-up; what is invalid now came from the request.
      return 400;
    } else if (exception instanceof InvalidRequestException) {
      return 400;
    } else if (exception instanceof SessionNotFoundException) {
      return 404;
    } else if (exception instanceof ResourcesExhaustedException
        || exception instanceof SessionStartException) {
      return 503;
    } else if (exception instanceof ConfigurationException) {
      return 500;
    }
    return 500;
  }
}
