package io.sessionlauncher.engine.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.testing.ChildProcessGuard;
import io.sessionlauncher.engine.testing.Engine;
import io.sessionlauncher.engine.testing.FreePorts;
import io.sessionlauncher.engine.testing.LauncherJson;
import io.sessionlauncher.engine.testing.Scripts;
import io.sessionlauncher.model.EndCause;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.ResourcesExhaustedException;
import io.sessionlauncher.model.Session;
import io.sessionlauncher.model.SessionState;
import io.sessionlauncher.model.UnknownApplicationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reload of {@code launcher.json} on the engine with real session processes: what a new file puts
 * in force, what stays for live sessions, and that a refused file changes nothing.
 */
class ConfigReloadTest {
  private static final String READY = "Starting factory";

  @RegisterExtension final ChildProcessGuard guard = new ChildProcessGuard();

  @TempDir Path dir;

  private LauncherJson json;
  private Engine engine;
  private int first;

  @AfterEach
  void stopEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  /** An engine with app {@code a} and one port, from a file in {@code dir}. */
  private void start() {
    first = FreePorts.range(3);
    json = LauncherJson.in(dir).resource("127.0.0.1", first, first).timeout(20).stopGrace(1);
    json.app("a", session(), READY);
    engine = new Engine(json.load());
  }

  private static List<String> session() {
    return Scripts.sh().say(READY).stayAlive().template();
  }

  private Session launch(String app) {
    return engine.sessions().create(new LaunchRequest(app, Map.of("application", app), "tester"));
  }

  private ReloadReport reload() {
    return engine.bean(ConfigReload.class).reload("operator", "127.0.0.1");
  }

  private String audit() throws IOException {
    return Files.readString(json.logDir().resolve("audit.jsonl"));
  }

  @Test
  void aNewAppAndMorePortsAreInForceAfterTheReload() throws IOException {
    start();
    launch("a");
    assertThrows(UnknownApplicationException.class, () -> launch("b"));
    json.app("b", session(), READY);
    json.shared().set("resources", new ArrayList<>());
    json.resource("127.0.0.1", first, first + 2).shared().write();

    ReloadReport report = reload();

    assertEquals(List.of("b"), report.added());
    assertEquals(List.of(), report.removed());
    assertEquals(1, report.resourcesBefore());
    assertEquals(3, report.resources());
    Session b = launch("b");
    assertEquals(first + 1, b.resource().port(), "the live session's port is still held");
    launch("a");
    assertEquals(0, engine.pool().available());
    assertTrue(
        audit().contains("\"action\":\"reload\",\"user\":\"operator\""), "audited: " + audit());
    assertTrue(audit().contains("applied: applications added [b]"), audit());
  }

  @Test
  void aRemovedAppsLiveSessionRunsOnUntilItIsStopped() {
    start();
    Session live = launch("a");
    json.shared().remove("apps.a");
    json.app("b", session(), READY).shared().write();

    ReloadReport report = reload();

    assertEquals(List.of("a"), report.removed());
    assertEquals(1, report.sessionsOfRemoved());
    assertThrows(UnknownApplicationException.class, () -> launch("a"));
    assertEquals(
        SessionState.READY, engine.sessions().find(live.id()).orElseThrow().state(), "runs on");
    assertTrue(engine.proxy().read().contains(live.id().toString()), "still routed");
    Session ended = engine.sessions().stop(live.id());
    assertEquals(EndCause.STOPPED, ended.endCause());
    assertEquals("", engine.proxy().read());
    assertEquals(1, engine.pool().available());
  }

  @Test
  void aChangedLimitAppliesToTheNextLaunch() {
    start();
    json.shared().set("resources", new ArrayList<>());
    json.resource("127.0.0.1", first, first + 2);
    json.shared().set("apps.a.max_sessions", 1);
    json.shared().write();

    ReloadReport report = reload();

    assertEquals(List.of("a"), report.changed());
    launch("a");
    ResourcesExhaustedException refused =
        assertThrows(ResourcesExhaustedException.class, () -> launch("a"));
    assertTrue(refused.getMessage().contains("maximum of 1"), refused.getMessage());
  }

  @Test
  void aFileThatFailsTheStartUpChecksChangesNothingAndSaysWhy() throws IOException {
    start();
    json.app("b", session(), READY).shared().set("configuration.timeout", "soon").write();

    ReloadRefusedException refused = assertThrows(ReloadRefusedException.class, this::reload);

    assertEquals("configuration.timeout", refused.key());
    assertEquals(json.shared().folder().resolve("launcher.json").toString(), refused.file());
    assertTrue(refused.getMessage().contains("the running one stays"), refused.getMessage());
    assertThrows(UnknownApplicationException.class, () -> launch("b"));
    launch("a");
    assertTrue(audit().contains("\"outcome\":\"refused: "), audit());
  }

  @Test
  void anAppWhosePluginIsMissingIsRefusedNamingIt() {
    start();
    json.shared().set("apps.b", Map.of("product", "no-such-product")).write();

    ReloadRefusedException refused = assertThrows(ReloadRefusedException.class, this::reload);

    assertEquals("apps.b", refused.key());
    assertThrows(UnknownApplicationException.class, () -> launch("b"));
  }

  @Test
  void aKeyARunningLauncherCannotTakeOverIsRefusedNamingIt() {
    start();
    Session live = launch("a");
    json.shared()
        .set("configuration.proxy_file", dir.resolve("elsewhere/map.txt").toString())
        .write();

    ReloadRefusedException refused = assertThrows(ReloadRefusedException.class, this::reload);

    assertEquals("configuration.proxy_file", refused.key());
    assertTrue(refused.getMessage().contains("restart the application"), refused.getMessage());
    assertTrue(engine.proxy().read().contains(live.id().toString()), "the old file in use");
  }

  @Test
  void theProxysLargestMessageIsRefusedLiveForTheBridgesOpenWithIt() {
    start();
    json.shared().set("configuration.proxy_max_message_size", 1024).write();

    ReloadRefusedException refused = assertThrows(ReloadRefusedException.class, this::reload);

    assertEquals("configuration.proxy_max_message_size", refused.key());
  }
}
