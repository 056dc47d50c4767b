package io.sessionlauncher.engine.session;

import io.sessionlauncher.engine.process.ProcessTree;
import io.sessionlauncher.engine.process.SessionMarker;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.spi.ProductLauncher;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A session process found alive by a restarted launcher. It is no longer the launcher's child, so
 * its exit code is unknown; it is watched and stopped through its process handle, whole tree
 * included, with every process carrying its session's marker.
 */
final class AdoptedProcess implements ProductLauncher {
  private final ProcessHandle handle;
  private final HostPort resource;
  private final SessionMarker marker;
  private final CompletionStage<Integer> exit;

  AdoptedProcess(ProcessHandle handle, HostPort resource, SessionMarker marker) {
    this.handle = handle;
    this.resource = resource;
    this.marker = marker;
    // Not our child: its exit code is lost, only its end can be seen.
    this.exit = handle.onExit().thenApply(gone -> (Integer) null);
  }

  @Override
  public void start() {
    // Already running: that is what adoption means.
  }

  @Override
  public void stop(Duration grace) {
    ProcessTree.stop(handle, grace, marker);
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
