package io.sessionlauncher.rest.http;

import io.sessionlauncher.model.LauncherException;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where a {@link LauncherException} becomes an answer: {@code {"error": message}}
 * with the status its family's mapper chose, written with JSON-P so Jersey and RESTEasy give the
 * same bytes. A 503 (the launcher is busy or the session would not start) is logged as a warning
 * without a stack trace; any other 5xx is a fault of the server, logged with its stack trace; a 4xx
 * is the client's and not logged.
 */
final class ErrorResponses {
  private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

  private ErrorResponses() {}

  /** The error answer for {@code exception} with {@code status}, logged as its status says. */
  static Response of(int status, LauncherException exception) {
    if (status == 503) {
      LOG.log(Level.WARNING, exception.getMessage());
    } else if (status >= 500) {
      LOG.log(Level.SEVERE, exception.getMessage(), exception);
    }
    return Json.error(status, exception.getMessage());
  }
}
