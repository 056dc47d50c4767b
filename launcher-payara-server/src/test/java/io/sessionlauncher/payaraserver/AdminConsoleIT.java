package io.sessionlauncher.payaraserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/**
 * Payara Server's admin console, in headless Chromium, as an operator uses it: its Applications
 * page lists the launcher; ticking it and pressing Disable stops every session and empties the
 * proxy file; Enable brings the launcher back. Screenshots of each step are kept in {@code
 * target/payara-server/test-output}.
 */
class AdminConsoleIT {
  /** The console deploys itself on first use, which takes a while on a fresh domain. */
  private static final Duration CONSOLE_LOAD = Duration.ofMinutes(3);

  private static final Duration STEP = Duration.ofMinutes(1);
  private static final Duration PROCESS_END = Duration.ofSeconds(30);

  @Test
  void disablingInTheConsoleStopsEverySessionAndEnablingBringsTheLauncherBack() throws Exception {
    HeadlessChromium.requireChromium();
    Http http = PayaraServer.launcher();
    Path out = PayaraServer.workDir();
    List<PayaraServer.Launched> sessions = new ArrayList<>();
    boolean enabled = true;
    try (HeadlessChromium chromium =
        HeadlessChromium.start(
            out, Integer.parseInt(PayaraServer.property("ps.chromedriver.port")))) {
      WebDriver browser = chromium.driver();
      sessions.add(PayaraServer.launchDemo(http));
      sessions.add(PayaraServer.launchDemo(http));

      openApplications(browser);
      chromium.screenshot(out.resolve("admin-console-applications.png"));
      assertEquals("enabled.png", status(browser), "the launcher is listed, enabled");

      press(browser, "Disable");
      enabled = false;
      Waits.until(
          "the console showing the launcher disabled",
          STEP,
          () -> "disabled.png".equals(status(browser)));
      chromium.screenshot(out.resolve("admin-console-disabled.png"));
      for (PayaraServer.Launched session : sessions) {
        Waits.until(
            "session process " + session.process().pid() + " ended with the disabled application",
            PROCESS_END,
            () -> !session.process().isAlive());
      }
      assertEquals("", Files.readString(PayaraServer.proxyFile()));
      assertEquals(404, http.get("paraview/").status(), "a disabled application is not there");

      press(browser, "Enable");
      Waits.until(
          "the console showing the launcher enabled",
          STEP,
          () -> "enabled.png".equals(status(browser)));
      enabled = true;
      chromium.screenshot(out.resolve("admin-console-enabled.png"));
      PayaraServer.Launched relaunched = PayaraServer.launchDemo(PayaraServer.launcher());
      sessions.add(relaunched);
      Http.Answer shown = http.get("paraview/" + relaunched.id());
      assertEquals("ready", shown.json().getString("state"), shown.body());
    } finally {
      if (!enabled) {
        var unused = PayaraServer.asadmin("enable", PayaraServer.application());
      }
      PayaraServer.end(http, sessions);
    }
  }

  /** Opens the console (signed on as admin: a new domain has no password) at Applications. */
  private static void openApplications(WebDriver browser) {
    browser.get(PayaraServer.adminConsole().toString());
    Waits.until(
        "the admin console loaded at " + PayaraServer.adminConsole(),
        CONSOLE_LOAD,
        () -> browser.getTitle().startsWith("Payara Server Console"));
    browser.get(
        PayaraServer.adminConsole().resolve("common/applications/applications.jsf").toString());
    Waits.until(
        "the launcher listed on the console's Applications page",
        STEP,
        () -> launcherRow(browser).isPresent());
  }

  /** Ticks the launcher's row and presses the table's button with that label. */
  private static void press(WebDriver browser, String label) {
    String row = launcherRow(browser).orElseThrow();
    browser.findElement(By.id(row + "col0:select")).click();
    WebElement button =
        browser.findElement(By.xpath("//input[@type='submit' and @value='" + label + "']"));
    Waits.until("the " + label + " button enabled", STEP, button::isEnabled);
    button.click();
  }

  /** The launcher's status icon file on the Applications page: enabled.png or disabled.png. */
  private static String status(WebDriver browser) {
    try {
      Optional<String> row = launcherRow(browser);
      if (row.isEmpty()) {
        return "";
      }
      String src = browser.findElement(By.id(row.get() + "col22:enCol")).getAttribute("src");
      return src == null ? "" : src.substring(src.lastIndexOf('/') + 1);
    } catch (WebDriverException e) {
      // The page is being replaced after the button's submit; asked again on the next poll.
      return "";
    }
  }

  /** The id prefix of the launcher's row in the applications table, when it is listed. */
  private static Optional<String> launcherRow(WebDriver browser) {
    return browser
        .findElements(
            By.xpath(
                "//a[contains(@id, ':col1:link') and normalize-space(text())='"
                    + PayaraServer.application()
                    + "']"))
        .stream()
        .map(link -> link.getAttribute("id"))
        .map(id -> id.substring(0, id.length() - "col1:link".length()))
        .findFirst();
  }
}
