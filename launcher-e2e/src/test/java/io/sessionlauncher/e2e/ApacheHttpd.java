package io.sessionlauncher.e2e;

import io.sessionlauncher.testing.Waits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Debian's Apache httpd as a child process in the foreground, with a configuration of its own: its
 * own server root, pid file, logs and loopback port, the rewrite and proxy modules, and a front-end
 * configuration file included after the variables it reads ({@code Define}).
 */
final class ApacheHttpd implements AutoCloseable {
  private static final Duration START_LIMIT = Duration.ofSeconds(30);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final Path root;
  private final Path conf;
  private final Process process;

  private ApacheHttpd(Path root, Path conf, Process process) {
    this.root = root;
    this.conf = conf;
    this.process = process;
  }

  /**
   * Writes {@code root/httpd.conf} and starts httpd on {@code 127.0.0.1:port}.
   *
   * @param root an empty folder for the configuration, logs and runtime files
   * @param port the loopback port to listen on
   * @param defines variables set with {@code Define} before {@code front} is included
   * @param front the front-end configuration (virtual host, rewrite rules)
   */
  static ApacheHttpd start(Path root, int port, List<String[]> defines, Path front)
      throws IOException {
    if (accepts(port)) {
      throw new IllegalStateException(
          "port "
              + port
              + " is already taken by another program; choose another with"
              + " -De2e.apache.front.port=...");
    }
    Files.createDirectories(root.resolve("run"));
    // Left over from an earlier run: httpd appends to its error log and refuses a live pid file.
    Files.deleteIfExists(root.resolve("error.log"));
    Files.deleteIfExists(root.resolve("run/httpd.pid"));
    // Children may run as another user (see below) and still read what they need from here.
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path conf = root.resolve("httpd.conf");
    Files.writeString(conf, configuration(root, port, defines, front), StandardCharsets.UTF_8);
    Process process =
        new ProcessBuilder(SystemTools.APACHE.toString(), "-DFOREGROUND", "-f", conf.toString())
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("console.log").toFile())
            .start();
    ApacheHttpd httpd = new ApacheHttpd(root, conf, process);
    try {
      boolean listening = Waits.holdsWithin(START_LIMIT, () -> !process.isAlive() || accepts(port));
      if (!process.isAlive() || !listening) {
        throw new IllegalStateException(
            "Apache httpd did not start on port " + port + "; " + httpd.logs());
      }
      return httpd;
    } catch (RuntimeException e) {
      httpd.close();
      throw e;
    }
  }

  private static String configuration(Path root, int port, List<String[]> defines, Path front) {
    Path modules = SystemTools.APACHE_MODULES;
    StringBuilder text = new StringBuilder();
    text.append("# Written by launcher-e2e's ApacheHttpd: a private httpd for one test.\n")
        .append("ServerRoot \"")
        .append(root)
        .append("\"\n")
        .append("DefaultRuntimeDir \"")
        .append(root.resolve("run"))
        .append("\"\n")
        .append("PidFile \"")
        .append(root.resolve("run/httpd.pid"))
        .append("\"\n")
        .append("ErrorLog \"")
        .append(root.resolve("error.log"))
        .append("\"\n")
        .append("LogLevel warn\n")
        .append("ServerName 127.0.0.1\n")
        .append("Listen 127.0.0.1:")
        .append(port)
        .append('\n')
        .append("StartServers 1\n");
    text.append("LoadModule mpm_event_module \"")
        .append(modules.resolve("mod_mpm_event.so"))
        .append("\"\n")
        .append("LoadModule authz_core_module \"")
        .append(modules.resolve("mod_authz_core.so"))
        .append("\"\n")
        .append("LoadModule rewrite_module \"")
        .append(modules.resolve("mod_rewrite.so"))
        .append("\"\n")
        .append("LoadModule proxy_module \"")
        .append(modules.resolve("mod_proxy.so"))
        .append("\"\n")
        .append("LoadModule proxy_http_module \"")
        .append(modules.resolve("mod_proxy_http.so"))
        .append("\"\n")
        .append("LoadModule proxy_wstunnel_module \"")
        .append(modules.resolve("mod_proxy_wstunnel.so"))
        .append("\"\n");
    // httpd started by root serves from an unprivileged user, as a packaged one does.
    unprivilegedUser()
        .ifPresent(
            ids ->
                text.append("User #")
                    .append(ids[0])
                    .append('\n')
                    .append("Group #")
                    .append(ids[1])
                    .append('\n'));
    for (String[] define : defines) {
      text.append("Define ").append(define[0]).append(" \"").append(define[1]).append("\"\n");
    }
    text.append("Include \"").append(front).append("\"\n");
    return text.toString();
  }

  /** When running as root: uid and gid of {@code nobody}, which httpd's children switch to. */
  private static Optional<String[]> unprivilegedUser() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return Optional.empty();
    }
    try {
      for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
        String[] fields = line.split(":");
        if (fields.length > 3 && fields[0].equals("nobody")) {
          return Optional.of(new String[] {fields[2], fields[3]});
        }
      }
    } catch (IOException e) {
      // fall through to the conventional id
    }
    return Optional.of(new String[] {"65534", "65534"});
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  Path root() {
    return root;
  }

  /** The console output and error log so far, for failure messages. */
  String logs() {
    return "console: "
        + read(root.resolve("console.log"))
        + " error.log: "
        + read(root.resolve("error.log"));
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(none)";
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /** Processes still running with this configuration file: httpd's parent and children. */
  List<ProcessHandle> running() {
    return Processes.withCommandLine(SystemTools.APACHE.toString(), conf.toString());
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /**
   * Stops httpd (SIGTERM, its own clean stop), then kills whatever is left of it. Stopping twice is
   * harmless.
   */
  void stop() {
    List<ProcessHandle> all = new ArrayList<>();
    all.add(process.toHandle());
    process.toHandle().descendants().forEach(all::add);
    all.addAll(running());
    process.destroy();
    Waits.holdsWithin(STOP_GRACE, () -> all.stream().noneMatch(ProcessHandle::isAlive));
    List<ProcessHandle> left =
        Processes.end(all.stream().filter(ProcessHandle::isAlive).toList(), STOP_GRACE);
    if (!left.isEmpty()) {
      throw new IllegalStateException("Apache httpd processes survived: " + left);
    }
  }
}
