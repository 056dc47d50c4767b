package io.sessionlauncher.model;

import java.util.List;

/**
 * HTTP behaviour the reference launcher does not configure; keys of {@code configuration}.
 *
 * @param corsOrigins origins allowed to call the launcher from a browser ({@code cors_origins});
 *     empty means no cross-origin access, {@code "*"} any origin
 * @param maxUploadBytes largest total upload accepted by {@code POST /upload} ({@code
 *     max_upload_size}, bytes)
 * @param allowedHosts host names a request's {@code Host} may name besides the loopback ones and
 *     {@code configuration.host} ({@code allowed_hosts}); {@code "*"} any
 * @param uploadQuotaBytes how many bytes {@code upload_dir} may hold in all ({@code upload_quota}),
 *     or {@code null} for no quota
 * @param proxyMaxMessageBytes largest WebSocket message the launcher's proxy passes on, either way
 *     ({@code proxy_max_message_size}, bytes, 1 or more); a larger one closes the connection with
 *     1009
 */
public record HttpSettings(
    List<String> corsOrigins,
    long maxUploadBytes,
    List<String> allowedHosts,
    Long uploadQuotaBytes,
    long proxyMaxMessageBytes) {

  /** The proxy's largest WebSocket message by default: 16 MiB, room for a large rendered image. */
  public static final long DEFAULT_PROXY_MAX_MESSAGE_BYTES = 16L * 1024 * 1024;

  /** No cross-origin access, uploads up to 100 MiB, loopback names only. */
  public static final HttpSettings DEFAULTS =
      new HttpSettings(List.of(), 100L * 1024 * 1024, List.of(), null);

  /** With the proxy's default largest message. */
  public HttpSettings(
      List<String> corsOrigins,
      long maxUploadBytes,
      List<String> allowedHosts,
      Long uploadQuotaBytes) {
    this(
        corsOrigins,
        maxUploadBytes,
        allowedHosts,
        uploadQuotaBytes,
        DEFAULT_PROXY_MAX_MESSAGE_BYTES);
  }

  /** Without host names of its own. */
  public HttpSettings(List<String> corsOrigins, long maxUploadBytes) {
    this(corsOrigins, maxUploadBytes, List.of(), null);
  }

  public HttpSettings {
    corsOrigins = List.copyOf(corsOrigins);
    allowedHosts = List.copyOf(allowedHosts);
    if (maxUploadBytes < 0) {
      throw new IllegalArgumentException("maxUploadBytes < 0");
    }
    if (proxyMaxMessageBytes < 1) {
      throw new IllegalArgumentException("proxyMaxMessageBytes < 1");
    }
  }

  /** Whether a browser page from {@code origin} may call the launcher. */
  public boolean allowsOrigin(String origin) {
    return origin != null && (corsOrigins.contains("*") || corsOrigins.contains(origin));
  }
}
