package io.sessionlauncher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

/**
 * The administrators' dashboard in headless Chromium, on the browser test server (no sign-on: the
 * one anonymous caller is the administrator): a session started through the API appears in the live
 * table within a second, its stop button ends it, and the ended session leaves the table. The
 * screenshots are kept in {@code target/browser/dashboard-*.png}.
 */
class AdminDashboardIT {
  private final URI base =
      URI.create("http://127.0.0.1:" + Integer.getInteger("e2e.browser.http.port", 9380) + "/");
  private final Http launcher = new Http(base);

  @Test
  void aSessionAppearsAtOnceAndItsStopButtonEndsIt() throws Exception {
    SystemTools.requireChromium();
    Path work = Path.of(SystemTools.required("e2e.browser.work.dir"));
    String id = null;
    try (HeadlessChromium chromium = HeadlessChromium.start(work.resolve("dashboard"))) {
      chromium.driver().get(base.resolve("admin").toString());
      assertTrue(
          chromium.awaitTrue(
              "return document.getElementById('status').textContent === 'Live';",
              Duration.ofSeconds(20)),
          "the page's event stream is open: " + chromium.driver().getPageSource());

      Http.Answer created = launcher.post("paraview/", "{\"application\": \"demo\"}");
      assertEquals(200, created.status(), created.body());
      id = created.json().getString("id");
      String row = "return !!document.getElementById('session-" + id + "');";
      assertTrue(
          chromium.awaitTrue(row, Duration.ofSeconds(1)),
          "the session is in the table within a second of its answer");
      assertTrue(
          chromium.awaitTrue(
              "return document.getElementById('session-"
                  + id
                  + "').children[3].textContent === 'ready';",
              Duration.ofSeconds(5)),
          "its state shows ready");
      String page = chromium.driver().getPageSource();
      assertTrue(page.contains("Per application: demo 1"), page);
      assertTrue(
          chromium.awaitTrue(
              "return document.getElementById('free').textContent.includes(' of ');",
              Duration.ofSeconds(5)),
          "the free resources are shown");
      keep(chromium, work.resolve("dashboard-with-a-session.png"));

      chromium.driver().findElement(By.cssSelector("#session-" + id + " button.stop")).click();
      assertTrue(
          chromium.awaitTrue(
              "return !document.getElementById('session-" + id + "');", Duration.ofSeconds(15)),
          "the stopped session leaves the table");
      assertEquals("ended", launcher.get("paraview/" + id).json().getString("state"));
      id = null;
      keep(chromium, work.resolve("dashboard-after-stop.png"));
      List<ProcessHandle> left =
          Processes.awaitNoDemoOnPort(
              URI.create(created.json().getString("sessionURL")).getPort(), Duration.ofSeconds(10));
      assertTrue(left.isEmpty(), "demo processes left: " + left);
    } finally {
      if (id != null) {
        launcher.delete("paraview/" + id);
      }
    }
  }

  private static void keep(HeadlessChromium chromium, Path file) throws Exception {
    Path shot = chromium.driver().getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
  }
}
