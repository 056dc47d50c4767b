package io.sessionlauncher.engine.proxy;

import io.sessionlauncher.engine.files.AtomicFiles;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.LauncherException;
import io.sessionlauncher.model.ProxyFileAccess;
import io.sessionlauncher.model.SessionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The mapping file a reverse proxy reads: one {@code <id> <host>:<port>} line per live session, the
 * format of Apache's {@code RewriteMap txt:}. Every change replaces the whole file atomically (a
 * temporary file in the same folder, then a rename), so a proxy never reads half a file. A new file
 * is {@code rw-r-----} in folders {@code rwxr-x---}, and an existing one keeps its permissions and
 * group, unless {@code proxy_file_mode} and {@code proxy_file_group} say otherwise.
 */
@ApplicationScoped
public class ProxyMapFile {
  private Path file;
  private ProxyFileAccess access;

  /** For CDI's proxy. */
  protected ProxyMapFile() {}

  @Inject
  public ProxyMapFile(LauncherConfig config) {
    this(config.configuration().proxyFile(), config.configuration().proxyAccess());
  }

  public ProxyMapFile(Path file) {
    this(file, ProxyFileAccess.DEFAULTS);
  }

  public ProxyMapFile(Path file, ProxyFileAccess access) {
    this.file = file.toAbsolutePath();
    this.access = access;
  }

  public Path path() {
    return file;
  }

  /** Replaces the file's content with exactly these sessions, in the map's order. */
  public synchronized void write(Map<SessionId, HostPort> sessions) {
    StringBuilder text = new StringBuilder(sessions.size() * 56);
    sessions.forEach((id, pair) -> text.append(id).append(' ').append(pair).append('\n'));
    try {
      // The proxy, running as another user, reads it through its group; nobody else may.
      boolean configured = access.permissions() != null;
      AtomicFiles.replace(
          file,
          text,
          configured ? access.permissions() : ProxyFileAccess.NEW_FILE_PERMISSIONS,
          configured,
          access.group());
    } catch (IOException e) {
      throw new ProxyFileException(file, e);
    }
  }

  /** The proxy file could not be written; sessions cannot be routed. */
  public static class ProxyFileException extends LauncherException {
    private static final long serialVersionUID = 1L;

    ProxyFileException(Path file, IOException cause) {
      super("Cannot write the proxy mapping file " + file + ": " + cause.getMessage(), cause);
    }
  }

  /** For tests and tools: the current lines. */
  public String read() {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
