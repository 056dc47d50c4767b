package io.sessionlauncher.bench.measure;

import io.sessionlauncher.bench.BenchApps;
import io.sessionlauncher.bench.BenchSettings;
import io.sessionlauncher.bench.http.LauncherClient;
import io.sessionlauncher.bench.server.BenchServer;
import io.sessionlauncher.bench.server.ProcessCensus;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every measurement works with: the settings, the running server and its JVM, the apps, and a
 * census of session processes.
 */
public record BenchContext(
    BenchSettings settings, BenchServer server, long serverPid, BenchApps apps) {

  /** A new client with its own connection, for one thread. */
  public LauncherClient client() {
    return new LauncherClient(settings.base(), settings.endpoint());
  }

  public ProcessCensus census() {
    return new ProcessCensus(serverPid, apps::isSessionProcess);
  }

  public DirectStart directStart(String app) {
    return new DirectStart(apps.plainCommand(app), apps.readyLine(app));
  }

  /** A direct start of the command the launcher runs for a request with these values. */
  public DirectStart directStart(String app, Map<String, String> values) {
    return new DirectStart(apps.expandedCommand(app, values), apps.readyLine(app));
  }

  /** The proxy mapping file the launcher keeps. */
  public Path proxyFile() {
    return apps.config().configuration().proxyFile();
  }
}
