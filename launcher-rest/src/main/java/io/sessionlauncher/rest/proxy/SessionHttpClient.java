package io.sessionlauncher.rest.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The one HTTP client of the launcher's proxy towards sessions: HTTP/1.1 (what session servers
 * speak), no redirects followed (a session's redirect goes back to the browser), a bounded connect.
 */
@ApplicationScoped
public class SessionHttpClient {
  /** How long connecting to a session may take: it is ready, so it listens. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(CONNECT_TIMEOUT)
          .build();

  /** The client. */
  public HttpClient client() {
    return client;
  }
}
