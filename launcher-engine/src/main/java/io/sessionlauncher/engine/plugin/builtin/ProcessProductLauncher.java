package io.sessionlauncher.engine.plugin.builtin;

import io.sessionlauncher.engine.process.LaunchSpec;
import io.sessionlauncher.engine.process.ProcessStarter;
import io.sessionlauncher.engine.process.SessionMarker;
import io.sessionlauncher.engine.process.SessionProcess;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.spi.LaunchContext;
import io.sessionlauncher.spi.ProductLauncher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** One process of the {@link ProcessPlugin}: started once, stopped with its whole tree. */
final class ProcessProductLauncher implements ProductLauncher {
  private final ProcessPlugin.Config config;
  private final LaunchContext context;
  private volatile SessionProcess process;

  ProcessProductLauncher(ProcessPlugin.Config config, LaunchContext context) {
    this.config = config;
    this.context = context;
  }

  @Override
  public synchronized void start() {
    if (process != null) {
      throw new IllegalStateException("already started");
    }
    LaunchSpec spec =
        new LaunchSpec(
            config.cmd(),
            workingDir(),
            config.env(),
            context.logFile(),
            config.readyLine(),
            context.resource(),
            context.stopGrace(),
            markerOf(context),
            config.inheritEnv() == null ? null : Set.copyOf(config.inheritEnv()));
    process = new ProcessStarter(context.executor()).start(spec);
  }

  /**
   * The session's id, which a restarted launcher knows from the session's record; in plain Java,
   * where the name is the product's and several instances may run, one of its own.
   */
  private static SessionMarker markerOf(LaunchContext context) {
    return SessionId.parse(context.name())
        .map(id -> SessionMarker.of(id.toString()))
        .orElseGet(() -> SessionMarker.of(UUID.randomUUID().toString()));
  }

  private Path workingDir() {
    if (config.workingDir() == null) {
      return context.workingDir();
    }
    Path dir = Path.of(config.workingDir());
    return context.workingDir() == null ? dir : context.workingDir().resolve(dir);
  }

  @Override
  public void stop(Duration grace) {
    SessionProcess started = process;
    if (started != null) {
      started.stop(grace);
    }
  }

  @Override
  public boolean check(Duration timeout) {
    SessionProcess started = process;
    return started != null && started.handle().isAlive() && started.isReady();
  }

  @Override
  public Map<String, String> urls() {
    return context.resource() == null || process == null
        ? Map.of()
        : Map.of("main", context.resource().toString());
  }

  @Override
  public Optional<CompletionStage<Integer>> onExit() {
    SessionProcess started = process;
    return started == null ? Optional.empty() : Optional.of(started.onExit());
  }

  @Override
  public Optional<CompletionStage<Void>> whenReady() {
    SessionProcess started = process;
    return started == null ? Optional.empty() : Optional.of(started.ready());
  }

  @Override
  public Optional<ProcessHandle> process() {
    SessionProcess started = process;
    return started == null ? Optional.empty() : Optional.of(started.handle());
  }

  @Override
  public String outputTail() {
    SessionProcess started = process;
    return started == null ? "" : started.outputTail();
  }
}
