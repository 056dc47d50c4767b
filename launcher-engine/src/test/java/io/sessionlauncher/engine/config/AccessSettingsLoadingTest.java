package io.sessionlauncher.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.model.AccessSettings;
import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.ConfigurationException;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.testing.LauncherJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sign-on keys of {@code launcher.json}: groups, per-user and start limits, the audit file. */
class AccessSettingsLoadingTest {
  private final ConfigLoader loader = new ConfigLoader();

  @TempDir Path dir;

  private LauncherJson valid() {
    return LauncherJson.in(dir)
        .resource("localhost", 9001, 9003)
        .app("viz", List.of("prog", "--port", "${port}"), "Starting factory");
  }

  private ConfigurationException refused(LauncherJson json, String key, String expectation) {
    Path file = json.write();
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> loader.load(file));
    assertEquals(key, e.key(), e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(expectation), e.getMessage());
    return e;
  }

  @Test
  void withoutTheKeysTheDefaultGroupsNoLimitsAndTheAuditBesideTheLogs() {
    LauncherConfig config = valid().load(loader::load);
    AccessSettings access = config.configuration().access();
    assertEquals(List.of("launcher-user"), access.userGroups());
    assertEquals(List.of("launcher-admin"), access.adminGroups());
    assertNull(access.maxSessionsPerUser());
    assertNull(access.maxStarting());
    assertEquals(config.configuration().logDir().resolve("audit.jsonl"), access.auditFile());
    AppConfig viz = config.app("viz").orElseThrow();
    assertEquals(List.of(), viz.roles());
    assertNull(viz.limits().maxSessionsPerUser());
  }

  @Test
  void everyKeyIsRead() {
    LauncherConfig config =
        valid()
            .set("configuration.user_groups", List.of("scientists", "students"))
            .set("configuration.admin_groups", List.of("ops"))
            .set("configuration.max_sessions_per_user", "3")
            .set("configuration.max_starting", 10)
            .set("configuration.audit_file", "audit/trail.jsonl")
            .app(
                "licensed",
                Map.of(
                    "cmd",
                    List.of("prog"),
                    "roles",
                    List.of("licensed"),
                    "max_sessions_per_user",
                    1))
            .load(loader::load);
    AccessSettings access = config.configuration().access();
    assertEquals(List.of("scientists", "students"), access.userGroups());
    assertEquals(List.of("ops"), access.adminGroups());
    assertEquals(3, access.maxSessionsPerUser());
    assertEquals(10, access.maxStarting());
    assertEquals(dir.resolve("audit/trail.jsonl"), access.auditFile());
    AppConfig licensed = config.app("licensed").orElseThrow();
    assertEquals(List.of("licensed"), licensed.roles());
    assertEquals(1, licensed.limits().maxSessionsPerUser());
  }

  @Test
  void aPerUserLimitBelowOneIsRefused() {
    refused(
        valid().set("configuration.max_sessions_per_user", 0),
        "configuration.max_sessions_per_user",
        "expected");
    refused(
        valid().set("configuration.max_starting", -1), "configuration.max_starting", "expected");
  }

  @Test
  void rolesMustBeAListOfNames() {
    refused(
        valid().app("licensed", Map.of("cmd", List.of("prog"), "roles", "licensed")),
        "apps.licensed.roles",
        "expected");
    refused(
        valid().set("configuration.admin_groups", List.of(" ")),
        "configuration.admin_groups",
        "group names, none of them blank");
  }
}
