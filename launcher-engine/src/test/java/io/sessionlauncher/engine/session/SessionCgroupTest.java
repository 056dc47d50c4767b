package io.sessionlauncher.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sessionlauncher.engine.process.SessionCgroups;
import io.sessionlauncher.engine.testing.ChildProcessGuard;
import io.sessionlauncher.engine.testing.Engine;
import io.sessionlauncher.engine.testing.FreePorts;
import io.sessionlauncher.engine.testing.LauncherJson;
import io.sessionlauncher.engine.testing.Processes;
import io.sessionlauncher.engine.testing.Scripts;
import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that clears its environment (no marker), starts a session of its own and is re-parented
 * to init (no tree, no group) is still stopped with its session: it is in the session's cgroup.
 * Runs where the launcher can make cgroups (cgroup v2, writable); skipped elsewhere, saying why.
 */
class SessionCgroupTest {
  private static final String READY = "Starting factory";

  @RegisterExtension final ChildProcessGuard guard = new ChildProcessGuard();

  @TempDir Path dir;

  private Path pids;
  private Engine engine;

  @BeforeEach
  void trackPids() {
    pids = guard.trackPidFile(dir.resolve("pids"));
  }

  @AfterEach
  void stopEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void aStopEndsAnEscapeeWithoutMarkerGroupOrParent() {
    assumeTrue(SessionCgroups.available(), () -> "here: " + SessionCgroups.describe());
    String sleeper =
        "echo $$ >> " + Scripts.quote(pids.toString()) + "; exec sleep " + Scripts.LIFETIME_SECONDS;
    int port = FreePorts.range(1);
    engine =
        new Engine(
            LauncherJson.in(dir)
                .resource("127.0.0.1", port, port)
                .timeout(20)
                .stopGrace(1)
                .app(
                    "viz",
                    Scripts.sh()
                        // The subshell exits at once: the sleeper's parent is init.
                        .step(
                            "( env -i /usr/bin/setsid /bin/sh -c "
                                + Scripts.quote(sleeper)
                                + " & )")
                        .say(READY)
                        .stayAlive()
                        .template(),
                    READY)
                .load());
    Session session =
        engine.sessions().create(new LaunchRequest("viz", Map.of("application", "viz"), "tester"));
    List<Long> escapee = Processes.awaitPids(pids, 1);

    Session ended = engine.sessions().stop(session.id());

    assertEquals(EndCause.STOPPED, ended.endCause());
    Processes.assertPidsGone(escapee);
    Path cgroup = SessionCgroups.folder().orElseThrow().resolve(session.id().toString());
    assertFalse(Files.exists(cgroup), "the session's cgroup is removed: " + cgroup);
  }
}
