package io.sessionlauncher.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code configuration} section of {@code launcher.json}.
 *
 * @param host where the launcher listens (informational inside an application server)
 * @param port the launcher's port (informational inside an application server)
 * @param endpoint path segment of the session resource, without slashes
 * @param proxyFile the mapping file a reverse proxy reads
 * @param sessionUrl template of the URL handed to the client
 * @param timeout how long to wait for a session to become ready
 * @param logDir folder of the per-session logs
 * @param fields extra session keys returned to the client
 * @param content folder served as static files at {@code /}, or {@code null}
 * @param uploadDir folder that {@code POST /upload} stores into, or {@code null}
 * @param sanitize rules for client-supplied values, by request key
 * @param supervision how session processes are looked after
 * @param http cross-origin and upload settings
 * @param access who may do what, per-user limits and the audit trail
 * @param proxyAccess the proxy file's permissions and group
 */
public record ServerSettings(
    String host,
    int port,
    String endpoint,
    Path proxyFile,
    String sessionUrl,
    Duration timeout,
    Path logDir,
    List<String> fields,
    Path content,
    Path uploadDir,
    Map<String, SanitizeRule> sanitize,
    Supervision supervision,
    HttpSettings http,
    AccessSettings access,
    ProxyFileAccess proxyAccess) {
  public ServerSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(proxyFile, "proxyFile");
    Objects.requireNonNull(sessionUrl, "sessionUrl");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(logDir, "logDir");
    fields = List.copyOf(fields);
    sanitize = Map.copyOf(sanitize);
    Objects.requireNonNull(supervision, "supervision");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(proxyAccess, "proxyAccess");
  }
}
