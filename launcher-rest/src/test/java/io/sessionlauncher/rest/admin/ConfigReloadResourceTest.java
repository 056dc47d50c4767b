package io.sessionlauncher.rest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.rest.testing.DemoApp;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.rest.testing.TestIdentity;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Http.Answer;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /admin/reload} over real HTTP on Jersey: the answer, the refusals, who may. */
class ConfigReloadResourceTest {
  private static final String RELOAD = "admin/reload";

  /** Without sign-on: the one anonymous caller is the admin. */
  @Nested
  class Anonymous {
    @RegisterExtension
    final InProcessLauncher launcher =
        InProcessLauncher.withPorts(2, json -> json.app("demo", DemoApp.app()));

    private final Http http = new Http();

    private Answer reload() {
      return http.post(launcher.uri(RELOAD), "{}");
    }

    @Test
    void anAddedAppIsServedAfterTheReloadAndTheAnswerSaysWhatChanged() throws Exception {
      assertEquals(400, launch("viewer").status(), "not configured yet");
      launcher.json().app("viewer", DemoApp.app()).write();

      Answer answer = reload();

      assertEquals(200, answer.status(), answer.body());
      assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
      JsonObject report = answer.json();
      assertEquals(
          launcher.json().folder().resolve("launcher.json").toString(), report.getString("file"));
      assertEquals(List.of("viewer"), strings(report, "added"));
      assertEquals(List.of(), strings(report, "removed"));
      assertEquals(2, report.getInt("resources"));
      Answer launched = launch("viewer");
      assertEquals(200, launched.status(), launched.body());
      assertEquals(200, http.delete(launcher.uri("paraview/" + id(launched))).status());
      String audit = Files.readString(launcher.json().logDir().resolve("audit.jsonl"));
      assertTrue(
          audit.contains(
              "\"action\":\"reload\",\"user\":\"anonymous\",\"client\":\"127.0.0.1\","
                  + "\"outcome\":\"applied: applications added [viewer]"),
          audit);
    }

    @Test
    void aRefusedFileIsA409NamingFileAndKeyAndTheRunningConfigurationStays() {
      launcher.json().app("viewer", DemoApp.app()).set("configuration.timeout", -3).write();

      Answer answer = reload();

      assertEquals(409, answer.status(), answer.body());
      assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
      String error = answer.json().getString("error");
      assertTrue(
          error.contains(launcher.json().folder().resolve("launcher.json").toString()), error);
      assertTrue(error.contains("'configuration.timeout'"), error);
      assertTrue(error.contains("the running one stays"), error);
      assertEquals(400, launch("viewer").status(), "the new app is not in force");
      Answer demo = launch("demo");
      assertEquals(200, demo.status(), demo.body());
      assertEquals(200, http.delete(launcher.uri("paraview/" + id(demo))).status());
    }

    @Test
    void aLiveSessionOfARemovedAppRunsOnAndItsLineStaysInTheProxyFile() throws Exception {
      Answer demo = launch("demo");
      assertEquals(200, demo.status(), demo.body());
      String id = id(demo);
      launcher.json().remove("apps.demo").app("viewer", DemoApp.app()).write();

      Answer answer = reload();

      assertEquals(200, answer.status(), answer.body());
      assertEquals(List.of("demo"), strings(answer.json(), "removed"));
      assertEquals(1, answer.json().getInt("sessionsOfRemoved"));
      assertEquals("ready", http.get(launcher.uri("paraview/" + id)).json().getString("state"));
      assertTrue(Files.readString(launcher.json().proxyFile()).contains(id));
      assertEquals(400, launch("demo").status());
      assertEquals(200, http.delete(launcher.uri("paraview/" + id)).status());
      assertEquals("", Files.readString(launcher.json().proxyFile()));
    }

    @Test
    void aFormPostCannotReload() {
      launcher.json().app("viewer", DemoApp.app()).write();

      Answer form =
          http.send(
              Http.request(launcher.uri(RELOAD))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString("a=b"))
                  .build());

      assertEquals(415, form.status(), form.body());
      assertEquals(400, launch("viewer").status(), "nothing reloaded");
    }

    private Answer launch(String app) {
      return http.post(launcher.uri("paraview/"), "{\"application\": \"" + app + "\"}");
    }
  }

  /** With sign-on: admins only. */
  @Nested
  class SignedOn {
    @RegisterExtension
    final InProcessLauncher launcher =
        InProcessLauncher.withPorts(1, json -> json.app("demo", DemoApp.app())).withSignOn();

    private final Http http = new Http();

    private Answer reload(String user, String group) {
      HttpRequest.Builder request =
          Http.request(launcher.uri(RELOAD))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{}"));
      if (user != null) {
        request.header(TestIdentity.USER, user).header(TestIdentity.GROUPS, group);
      }
      return http.send(request.build());
    }

    @Test
    void onlyAnAdminMayReload() {
      launcher.json().app("viewer", DemoApp.app()).write();

      assertEquals(401, reload(null, null).status());
      Answer user = reload("alice", "launcher-user");
      assertEquals(403, user.status(), user.body());
      assertTrue(user.json().getString("error").contains("alice"), user.body());
      Answer admin = reload("carol", "launcher-admin");
      assertEquals(200, admin.status(), admin.body());
      assertEquals(List.of("viewer"), strings(admin.json(), "added"));
    }
  }

  private static List<String> strings(JsonObject object, String key) {
    return object.getJsonArray(key).getValuesAs(jakarta.json.JsonString::getString);
  }

  private static String id(Answer answer) {
    return answer.json().getString("id");
  }
}
