package io.sessionlauncher.rest.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

/** Checks that an answer is the launcher's JSON error, whatever resource gave it. */
public final class JsonErrors {
  private JsonErrors() {}

  /** Status {@code status}, JSON in UTF-8, and an {@code error} holding {@code part}. */
  public static void assertJsonError(Http.Answer answer, int status, String part) {
    assertEquals(status, answer.status(), answer.body());
    assertNotNull(answer.contentType(), "content type");
    assertEquals(
        "application/json;charset=utf-8",
        answer.contentType().toLowerCase(Locale.ROOT).replace(" ", ""),
        "content type");
    String error = answer.json().getString("error");
    assertTrue(error.contains(part), "error '" + error + "' should contain '" + part + "'");
  }
}
