package io.sessionlauncher.engine.session;

import io.sessionlauncher.engine.process.ProcessTree;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.spi.ProductLauncher;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A session process found alive by a restarted launcher. It is no longer the launcher's child, so
 * its exit code is unknown and its output no longer reaches the log; it is watched and stopped
 * through its process handle, whole tree included.
 */
final class AdoptedProcess implements ProductLauncher {
  private final ProcessHandle handle;
  private final HostPort resource;
  private final CompletionStage<Integer> exit;

  AdoptedProcess(ProcessHandle handle, HostPort resource) {
    this.handle = handle;
    this.resource = resource;
    // Not our child: its exit code is lost, only its end can be seen.
    this.exit = handle.onExit().thenApply(gone -> (Integer) null);
  }

  @Override
  public void start() {
    // Already running: that is what adoption means.
  }

  @Override
  public void stop(Duration grace) {
    ProcessTree.stop(handle, grace);
  }

  @Override
  public boolean check(Duration timeout) {
    return handle.isAlive();
  }

  @Override
  public Map<String, String> urls() {
    return Map.of("main", resource.toString());
  }

  @Override
  public Optional<CompletionStage<Integer>> onExit() {
    return Optional.of(exit);
  }

  @Override
  public Optional<ProcessHandle> process() {
    return Optional.of(handle);
  }
}
