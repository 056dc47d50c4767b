package io.sessionlauncher.e2e;

import io.sessionlauncher.testing.Http;
import java.net.http.HttpRequest;

/** Requests to a launcher's API as a program sends them: with {@code Authorization: Bearer}. */
final class BearerCalls {
  private final Http launcher;

  BearerCalls(Http launcher) {
    this.launcher = launcher;
  }

  /** {@code POST} of the JSON {@code body} to {@code path}. */
  Http.Answer post(String token, String path, String body) {
    return launcher.send(
        request(token, path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  Http.Answer get(String token, String path) {
    return launcher.send(request(token, path).GET().build());
  }

  Http.Answer delete(String token, String path) {
    return launcher.send(request(token, path).DELETE().build());
  }

  private HttpRequest.Builder request(String token, String path) {
    return launcher.request(path).header("Authorization", "Bearer " + token);
  }
}
