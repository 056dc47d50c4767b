package io.sessionlauncher.rest.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * The error page (see {@code WEB-INF/web.xml}) for the 401 and 403 that the container answers
 * itself when sign-on is configured, before any request reaches JAX-RS: it gives them the body
 * every other error of the launcher has, {@code {"error": message}} as JSON.
 *
 * <p>When no authentication mechanism took the request, Liberty falls back to a Basic challenge
 * ({@code WWW-Authenticate: Basic}); a browser would answer that with a password dialog the server
 * cannot use, so the challenge becomes {@code Bearer}, the scheme the API takes. A challenge the
 * bearer token check wrote itself ({@code error="invalid_token"}) is kept.
 */
public class ContainerErrorServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** The challenge sent instead of Liberty's fallback {@code Basic} one. */
  static final String BEARER_CHALLENGE = "Bearer realm=\"session-launcher\"";

  static final String SIGN_ON_REQUIRED =
      "Sign-on required: sign in with a browser, or send an access token from the identity"
          + " provider as Authorization: Bearer <token>";

  static final String TOKEN_REJECTED =
      "The bearer token was not accepted: it is expired, badly signed, or not issued for this"
          + " launcher";

  static final String FORBIDDEN = "Access denied";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    int status =
        request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
            ? code
            : HttpServletResponse.SC_UNAUTHORIZED;
    String message;
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      String challenge = response.getHeader("WWW-Authenticate");
      if (challenge == null || challenge.toLowerCase(Locale.ROOT).startsWith("basic")) {
        response.setHeader("WWW-Authenticate", BEARER_CHALLENGE);
      }
      message = hasBearerToken(request) ? TOKEN_REJECTED : SIGN_ON_REQUIRED;
    } else {
      message = FORBIDDEN;
    }
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType(Json.TYPE);
    response.getWriter().write(Json.write(Map.<String, Object>of("error", message)));
  }

  private static boolean hasBearerToken(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    return authorization != null
        && authorization.regionMatches(true, 0, "Bearer ", 0, "Bearer ".length());
  }
}
