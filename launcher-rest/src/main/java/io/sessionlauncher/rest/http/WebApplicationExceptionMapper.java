package io.sessionlauncher.rest.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the JAX-RS runtime's own errors (no such path, method not allowed, unsupported type) the
 * launcher's JSON shape, keeping their status and headers such as {@code Allow}.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    int status = original == null ? 500 : original.getStatus();
    Response.ResponseBuilder builder = Response.status(status);
    if (original != null) {
      original
          .getHeaders()
          .forEach(
              (name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")
                    && !name.equalsIgnoreCase("Content-Length")) {
                  values.forEach(value -> builder.header(name, value));
                }
              });
    }
    return builder
        .entity(Json.write(java.util.Map.of("error", message(exception, status))))
        .type(Json.TYPE)
        .build();
  }

  private static String message(WebApplicationException exception, int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String reason = known == null ? "HTTP " + status : known.getReasonPhrase();
    String detail = exception.getMessage();
    // The runtime's own messages can carry class names; only keep ours, which start with "No ".
    return detail != null && detail.startsWith("No resource at ") ? detail : reason;
  }
}
