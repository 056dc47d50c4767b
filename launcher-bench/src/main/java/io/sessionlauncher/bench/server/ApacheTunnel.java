package io.sessionlauncher.bench.server;

import io.sessionlauncher.bench.BenchmarkException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Apache httpd in the foreground with a configuration of its own: {@code /ws} on a
 * loopback port tunnelled by {@code mod_proxy_wstunnel} to one session's WebSocket, the figure the
 * launcher's own proxy is compared with.
 */
public final class ApacheTunnel implements AutoCloseable {
  private static final Path APACHE = Path.of("/usr/sbin/apache2");
  private static final Path MODULES = Path.of("/usr/lib/apache2/modules");

  private final Process process;

  private ApacheTunnel(Process process) {
    this.process = process;
  }

  /** Whether Apache and its proxy modules are installed. */
  public static boolean available() {
    return Files.isExecutable(APACHE) && Files.exists(MODULES.resolve("mod_proxy_wstunnel.so"));
  }

  /** Starts httpd on {@code 127.0.0.1:port} tunnelling {@code /ws} to {@code target}. */
  public static ApacheTunnel start(Path root, int port, String target) throws IOException {
    if (accepts(port)) {
      throw new BenchmarkException("port " + port + " is taken; choose another with --apache-port");
    }
    Files.createDirectories(root.resolve("run"));
    Files.deleteIfExists(root.resolve("run/httpd.pid"));
    String conf =
        String.join(
            "\n",
            "ServerRoot \"" + root + "\"",
            "DefaultRuntimeDir \"" + root.resolve("run") + "\"",
            "PidFile \"" + root.resolve("run/httpd.pid") + "\"",
            "ErrorLog \"" + root.resolve("error.log") + "\"",
            "LogLevel warn",
            "ServerName 127.0.0.1",
            "Listen 127.0.0.1:" + port,
            "LoadModule mpm_event_module \"" + MODULES.resolve("mod_mpm_event.so") + "\"",
            "LoadModule authz_core_module \"" + MODULES.resolve("mod_authz_core.so") + "\"",
            "LoadModule proxy_module \"" + MODULES.resolve("mod_proxy.so") + "\"",
            "LoadModule proxy_http_module \"" + MODULES.resolve("mod_proxy_http.so") + "\"",
            "LoadModule proxy_wstunnel_module \"" + MODULES.resolve("mod_proxy_wstunnel.so") + "\"",
            "User #65534",
            "Group #65534",
            "ProxyPass \"/ws\" \"" + target + "\"",
            "");
    Path file = root.resolve("httpd.conf");
    Files.writeString(file, conf, StandardCharsets.UTF_8);
    Process process =
        new ProcessBuilder(APACHE.toString(), "-DFOREGROUND", "-f", file.toString())
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("console.log").toFile())
            .start();
    ApacheTunnel tunnel = new ApacheTunnel(process);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!accepts(port)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        tunnel.close();
        throw new BenchmarkException(
            "Apache httpd did not start on port " + port + "; see " + root);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        tunnel.close();
        throw new BenchmarkException("interrupted", e);
      }
    }
    return tunnel;
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
