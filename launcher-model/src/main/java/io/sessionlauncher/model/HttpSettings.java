package io.sessionlauncher.model;

import java.util.List;

/**
 * HTTP behaviour the reference launcher does not configure; keys of {@code configuration}.
 *
 * @param corsOrigins origins allowed to call the launcher from a browser ({@code cors_origins});
 *     empty means no cross-origin access, {@code "*"} any origin
 * @param maxUploadBytes largest total upload accepted by {@code POST /upload} ({@code
 *     max_upload_size}, bytes)
 */
public record HttpSettings(List<String> corsOrigins, long maxUploadBytes) {

  /** No cross-origin access, uploads up to 100 MiB. */
  public static final HttpSettings DEFAULTS = new HttpSettings(List.of(), 100L * 1024 * 1024);

  public HttpSettings {
    corsOrigins = List.copyOf(corsOrigins);
    if (maxUploadBytes < 0) {
      throw new IllegalArgumentException("maxUploadBytes < 0");
    }
  }

  /** Whether a browser page from {@code origin} may call the launcher. */
  public boolean allowsOrigin(String origin) {
    return origin != null && (corsOrigins.contains("*") || corsOrigins.contains(origin));
  }
}
