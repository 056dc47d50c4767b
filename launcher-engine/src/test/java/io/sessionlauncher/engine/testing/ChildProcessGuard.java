package io.sessionlauncher.engine.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes sure a test leaves no process behind, even when it fails: after each test, every descendant
 * of this JVM and every process the test registered (by handle or through a pid file its children
 * write) is given a moment to end, then killed and waited for. A test that left something running
 * fails, because the code under test was to stop it.
 *
 * <p>Register it with {@code @RegisterExtension final ChildProcessGuard processes = new
 * ChildProcessGuard();} and, for grandchildren that outlive their parent, {@link #track}.
 */
public final class ChildProcessGuard implements BeforeEachCallback, AfterEachCallback {
  private static final Duration SETTLE = Duration.ofSeconds(5);

  private final List<ProcessHandle> tracked = new CopyOnWriteArrayList<>();
  private final List<Path> pidFiles = new CopyOnWriteArrayList<>();
  private final List<Long> before = new ArrayList<>();

  /** Watches this process too; it is stopped after the test if still alive. */
  public ProcessHandle track(ProcessHandle process) {
    tracked.add(process);
    return process;
  }

  /** Watches this process and its current descendants. */
  public Process track(Process process) {
    tracked.addAll(Processes.tree(process.toHandle()));
    return process;
  }

  /** Watches every pid written into this file, one a line, by the test's children. */
  public Path trackPidFile(Path file) {
    pidFiles.add(file);
    return file;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    before.clear();
    ProcessHandle.current().descendants().forEach(p -> before.add(p.pid()));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Map<Long, ProcessHandle> watched = new LinkedHashMap<>();
    ProcessHandle.current()
        .descendants()
        .filter(p -> !before.contains(p.pid()))
        .forEach(p -> watched.put(p.pid(), p));
    tracked.forEach(p -> watched.put(p.pid(), p));
    for (Path file : pidFiles) {
      Processes.handles(Processes.readPids(file)).forEach(p -> watched.putIfAbsent(p.pid(), p));
    }
    tracked.clear();
    pidFiles.clear();
    List<ProcessHandle> left = Processes.awaitGone(watched.values(), SETTLE);
    if (left.isEmpty()) {
      return;
    }
    String description = Processes.describe(left);
    List<ProcessHandle> unkillable = Processes.killAndWait(left);
    throw new AssertionError(
        "the test left processes running: "
            + description
            + (unkillable.isEmpty() ? " (killed now)" : "; even SIGKILL left " + unkillable));
  }
}
