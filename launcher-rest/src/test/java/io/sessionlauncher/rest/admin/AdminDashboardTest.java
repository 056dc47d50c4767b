package io.sessionlauncher.rest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.session.ProxiedConnection;
import io.sessionlauncher.engine.session.SessionTraffic;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.rest.testing.DemoApp;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.SseStream;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboard page and its one stream of every session's changes. */
class AdminDashboardTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension
  static final InProcessLauncher launcher =
      InProcessLauncher.withPorts(2, json -> json.app("demo", DemoApp.app()));

  private final Http http = new Http(launcher.base());

  @Test
  void thePageAndItsScriptShipWithTheLauncher() {
    Http.Answer page = http.get("admin");
    assertEquals(200, page.status(), page.body());
    assertTrue(page.contentType().startsWith("text/html"), page.contentType());
    assertTrue(page.body().contains("<table id=\"sessions\""), page.body());
    Http.Answer script = http.get("admin/admin.js");
    assertEquals(200, script.status());
    assertTrue(script.body().contains("new EventSource(\"admin/events\")"), script.body());
  }

  @Test
  void theStreamShowsTheSessionsNowThenEveryChangeWithTheFreeResources() throws Exception {
    try (SseStream stream = SseStream.open(launcher.uri("admin/events"))) {
      assertEquals(200, stream.status());
      SseStream.Event first = event(stream);
      assertEquals("resources", first.name(), first.data());
      JsonObject resources = json(first);
      assertEquals(2, resources.getInt("total"));
      assertEquals(2, resources.getInt("free"));
      assertEquals("paraview", resources.getString("endpoint"));

      Http.Answer created = http.post("paraview/", "{\"application\": \"demo\"}");
      assertEquals(200, created.status(), created.body());
      String id = created.json().getString("id");
      JsonObject starting = session(stream, id, "starting");
      assertEquals("anonymous", starting.getString("owner"));
      assertEquals("demo", starting.getString("application"));
      assertFalse(starting.containsKey("secret"));
      session(stream, id, "ready");
      free(stream, 1);

      assertEquals(200, http.delete("paraview/" + id).status());
      session(stream, id, "stopping");
      assertEquals("stopped", session(stream, id, "ended").getString("endCause"));
      free(stream, 2);
    }
  }

  @Test
  void aProxiedConnectionOpeningAndClosingUpdatesTheSessionsRow() throws Exception {
    Http.Answer created = http.post("paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, created.status(), created.body());
    String id = created.json().getString("id");
    try (SseStream stream = SseStream.open(launcher.uri("admin/events"))) {
      JsonObject ready = session(stream, id, "ready");
      assertEquals(0, ready.getInt("proxiedConnections"));
      assertTrue(ready.containsKey("lastActivity"), ready.toString());

      SessionTraffic traffic = launcher.bean(SessionTraffic.class);
      ProxiedConnection connection = traffic.open(SessionId.parse(id).orElseThrow()).orElseThrow();
      assertEquals(1, session(stream, id, "ready").getInt("proxiedConnections"));
      connection.close();
      assertEquals(0, session(stream, id, "ready").getInt("proxiedConnections"));
    } finally {
      assertEquals(200, http.delete("paraview/" + id).status());
    }
  }

  /** Reads events until the session's event in that state; fails if another state comes after. */
  private static JsonObject session(SseStream stream, String id, String state)
      throws InterruptedException {
    while (true) {
      SseStream.Event event = event(stream);
      if (event.name().equals("session")) {
        JsonObject row = json(event);
        assertEquals(id, row.getString("id"), event.data());
        if (row.getString("state").equals(state)) {
          return row;
        }
      }
    }
  }

  /** Reads events until a resources event with {@code free} free resources. */
  private static void free(SseStream stream, int free) throws InterruptedException {
    while (true) {
      SseStream.Event event = event(stream);
      if (event.name().equals("resources") && json(event).getInt("free") == free) {
        return;
      }
    }
  }

  private static SseStream.Event event(SseStream stream) throws InterruptedException {
    return stream.next(WAIT).orElseThrow(() -> new AssertionError("no event in " + WAIT));
  }

  private static JsonObject json(SseStream.Event event) {
    return Json.createReader(new StringReader(event.data())).readObject();
  }
}
