package io.sessionlauncher.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A client's request for a session: the body of {@code POST /<endpoint>/} and who sent it.
 *
 * @param application the application asked for
 * @param values every key of the request body, {@code application} included, as plain Java values
 *     (String, Number, Boolean, List, Map or null)
 * @param owner the caller's principal name, or {@link #ANONYMOUS}
 */
public record LaunchRequest(
    @NotBlank String application, @NotNull Map<String, Object> values, @NotBlank String owner) {

  /** Owner recorded when the caller is not authenticated. */
  public static final String ANONYMOUS = "anonymous";

  public LaunchRequest {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(owner, "owner");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
