package io.sessionlauncher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;

/**
 * Liberty's Admin Center, turned on by the product's drop-in ({@code admin-center/admin-center.xml}
 * in the server's {@code configDropins/overrides/}, the administrator's credentials in a drop-in of
 * the test), driven in headless Chromium through its own buttons: the administrator signs in on the
 * login form, opens the Explore tool, finds the application {@code session-launcher}, stops it
 * there (every session ends: their processes and their proxy file lines are gone) and starts it
 * again (the launcher serves anew). On a server of its own, since stopping the application would
 * disturb any other test. The screenshots are kept in {@code
 * target/screenshots/admin-center-*.png}.
 *
 * <p>Admin Center is a Dojo page; the Explore tool runs in its {@code toolIFrame}. The selectors
 * are the ids its widgets build from the server's and the application's names ({@code
 * <server>SideTabAppsButton}, {@code ...-card-session-launcher(<server>)-stateButton...}), matched
 * on their fixed parts.
 */
class AdminCenterIT {
  private static final String EXPLORE = "img[alt='Explore']";

  /** Explore's side tab of applications; its id begins with the server's name. */
  private static final String APPLICATIONS_TAB = "[id$='SideTabAppsButton']";

  private static final String CARD = "[id*='-card-session-launcher('][id$=')newCard']";
  private static final String ACTIONS =
      "[widgetid*='-card-session-launcher('][widgetid$=')-stateButton'] [role=button]";
  private static final String STOP =
      "[id*='-card-session-launcher('][id$=')-stateButton-actionMenu-stopButton']";
  private static final String START =
      "[id*='-card-session-launcher('][id$=')-stateButton-actionMenu-startButton']";
  private static final String CONFIRM =
      "button[id*='-card-session-launcher('][id$=')-stateButton-actionMenu-confirmationButton']";
  private static final Duration UI = Duration.ofSeconds(60);

  private final URI base =
      URI.create("http://127.0.0.1:" + SystemTools.required("e2e.admincenter.http.port") + "/");
  private final URI adminCenter =
      URI.create(
          "https://localhost:"
              + SystemTools.required("e2e.admincenter.https.port")
              + "/adminCenter/");
  private final Path serverDir = Path.of(SystemTools.required("e2e.admincenter.server.dir"));
  private final Path screenshots = Path.of(SystemTools.required("e2e.screenshots.dir"));
  private final Path work = Path.of(SystemTools.required("e2e.browser.work.dir"), "admin-center");
  private final Http launcher = new Http(base);

  @Test
  void stoppingTheLauncherInExploreEndsEverySessionAndStartingItServesAgain() throws Exception {
    SystemTools.requireChromium();
    Files.createDirectories(screenshots);
    List<String> ids = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Http.Answer created = launcher.post("paraview/", "{\"application\": \"demo\"}");
      assertEquals(200, created.status(), created.body());
      ids.add(created.json().getString("id"));
      ports.add(URI.create(created.json().getString("sessionURL")).getPort());
    }
    assertTrue(ProxyFile.liveSessionIds(serverDir).containsAll(ids), "the sessions are mapped");
    try (HeadlessChromium chromium = HeadlessChromium.start(work, true)) {
      WebDriver driver = chromium.driver();
      // Admin Center's login form needs room: in headless Chromium's default window its
      // copyright notice lies over the login button.
      driver.manage().window().setSize(new Dimension(1400, 1000));
      signIn(chromium);
      keep(chromium, "admin-center-toolbox.png");

      driver.findElement(By.cssSelector(EXPLORE)).click();
      assertTrue(
          chromium.awaitTrue(
              "var f = document.getElementById('toolIFrame'); return location.hash === '#explore'"
                  + " && !!f && !!f.contentDocument"
                  + " && !!f.contentDocument.querySelector(\""
                  + APPLICATIONS_TAB
                  + "\");",
              UI),
          "the Explore tool opens in Admin Center's tool frame, with its side tabs");
      driver.switchTo().frame(driver.findElement(By.id("toolIFrame")));
      driver.findElement(By.cssSelector(APPLICATIONS_TAB)).click();
      awaitCardSays(chromium, "Running");
      keep(chromium, "admin-center-explore-running.png");

      driver.findElement(By.cssSelector(ACTIONS)).click();
      awaitShown(chromium, STOP);
      driver.findElement(By.cssSelector(STOP)).click();
      awaitShown(chromium, CONFIRM);
      keep(chromium, "admin-center-stop-confirmation.png");
      driver.findElement(By.cssSelector(CONFIRM)).click();
      awaitCardSays(chromium, "Stopped");
      keep(chromium, "admin-center-stopped.png");

      for (int port : ports) {
        List<ProcessHandle> left = Processes.awaitNoDemoOnPort(port, Duration.ofSeconds(10));
        assertTrue(left.isEmpty(), "the session on port " + port + " still runs: " + left);
      }
      String map =
          Files.readString(serverDir.resolve("proxy/proxy-mapping.txt"), StandardCharsets.UTF_8);
      assertEquals("", map, "the proxy file is empty");
      Http.Answer whileStopped = launcher.post("paraview/", "{\"application\": \"demo\"}");
      assertEquals(404, whileStopped.status(), "nothing serves /paraview/ while it is stopped");

      driver.findElement(By.cssSelector(ACTIONS)).click();
      awaitShown(chromium, START);
      driver.findElement(By.cssSelector(START)).click();
      awaitShown(chromium, CONFIRM);
      driver.findElement(By.cssSelector(CONFIRM)).click();
      awaitCardSays(chromium, "Running");
      keep(chromium, "admin-center-started.png");
    } finally {
      for (String id : ids) {
        try {
          var unused = launcher.delete("paraview/" + id); // gone already unless the test failed
        } catch (UncheckedIOException e) {
          // the launcher is stopped: its sessions ended with it
        }
      }
    }
    String again =
        Waits.value(
            "the launcher to start a session again after its start in Admin Center",
            Duration.ofMinutes(1),
            () -> {
              try {
                Http.Answer created = launcher.post("paraview/", "{\"application\": \"demo\"}");
                return created.status() == 200
                    ? java.util.Optional.of(created.json().getString("id"))
                    : java.util.Optional.<String>empty();
              } catch (UncheckedIOException e) {
                return java.util.Optional.<String>empty();
              }
            });
    assertEquals(200, launcher.delete("paraview/" + again).status());
    for (String id : ids) {
      assertEquals(
          404, launcher.get("paraview/" + id).status(), "the restarted launcher forgot " + id);
    }
  }

  /**
   * Signs in on Admin Center's login form. Its script sends the {@code csrfToken} cookie back as
   * {@code X-CSRF-Token}; a sign-in without it is refused.
   */
  private void signIn(HeadlessChromium chromium) {
    WebDriver driver = chromium.driver();
    driver.get(adminCenter.toString());
    assertTrue(
        chromium.awaitTrue("return !!document.getElementById('loginButton');", UI),
        "the login form: " + driver.getCurrentUrl());
    assertNotNull(driver.manage().getCookieNamed("csrfToken"), "the login page set its cookie");
    driver.findElement(By.id("j_username")).sendKeys(SystemTools.required("e2e.admincenter.user"));
    driver
        .findElement(By.id("j_password"))
        .sendKeys(SystemTools.required("e2e.admincenter.password"));
    driver.findElement(By.id("loginButton")).click();
    assertTrue(
        chromium.awaitTrue(
            "var icon = document.querySelector(\""
                + EXPLORE
                + "\");"
                + " return !!icon && icon.complete && icon.naturalWidth > 0;",
            UI),
        "signed in, the toolbox shows the Explore tool: " + driver.getCurrentUrl());
  }

  private static void awaitCardSays(HeadlessChromium chromium, String state) {
    assertTrue(
        chromium.awaitTrue(
            "var card = document.querySelector(\""
                + CARD
                + "\"); return !!card && card.textContent.indexOf('"
                + state
                + "') >= 0;",
            UI),
        "Explore shows session-launcher " + state);
  }

  private static void awaitShown(HeadlessChromium chromium, String css) {
    assertTrue(
        chromium.awaitTrue(
            "var e = document.querySelector(\"" + css + "\"); return !!e && !!e.offsetParent;",
            Duration.ofSeconds(10)),
        "shown: " + css);
  }

  private void keep(HeadlessChromium chromium, String name) throws Exception {
    Path shot = chromium.driver().getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, screenshots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
