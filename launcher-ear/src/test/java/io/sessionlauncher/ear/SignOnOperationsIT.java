package io.sessionlauncher.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With server-config's {@code sign-on.xml} in {@code configDropins/overrides/} (its provider out of
 * reach here: nothing needs it), the launcher's API needs sign-on, while what operations tools use
 * is as the README's "Operate it" says: health probes stay anonymous, and {@code /metrics} is
 * readable over HTTPS by a scraper's user in the server's reader role, by no one anonymous.
 */
class SignOnOperationsIT {
  private static final String SIGN_ON = "sign-on.xml";
  private static final String SCRAPER = "metrics-reader.xml";
  private static final String PASSWORD = "scraper-test-password";

  private static HttpClient https;
  private final Http client = new Http(LibertyServer.base());

  @BeforeAll
  static void signOnOn() throws Exception {
    https = LibertyTls.client();
    ConfigDropins.apply(
        () -> {
          ConfigDropins.copy("sign-on/sign-on.xml", SIGN_ON);
          // As the README tells an operator: a user of the server's own registry for Prometheus.
          ConfigDropins.add(
              SCRAPER,
              """
        <server>
          <basicRegistry id="scrapers" realm="scrapers">
            <user name="prometheus" password="%s"/>
          </basicRegistry>
          <reader-role>
            <user>prometheus</user>
          </reader-role>
        </server>
        """
                  .formatted(PASSWORD));
        });
    Http http = new Http(LibertyServer.base());
    Waits.until(
        "sign-on to be required and the scraper's user known",
        Duration.ofMinutes(2),
        Duration.ofMillis(250),
        () -> http.get("paraview/").status() == 401 && metrics(true).statusCode() == 200);
  }

  @AfterAll
  static void signOnOff() throws Exception {
    ConfigDropins.apply(
        () -> {
          ConfigDropins.remove(SIGN_ON);
          ConfigDropins.remove(SCRAPER);
        });
    LibertyServer.awaitLauncher();
    assertEquals(200, new Http(LibertyServer.base()).get("paraview/").status(), "anonymous again");
  }

  @Test
  void healthProbesNeedNoSignOn() {
    assertEquals(401, client.get("paraview/").status(), "the API needs sign-on");
    Http.Answer ready = client.get("health/ready");
    assertEquals(200, ready.status(), ready.body());
    assertTrue(ready.body().contains("launcher-proxy-file"), ready.body());
    Http.Answer live = client.get("health/live");
    assertEquals(200, live.status(), live.body());
    assertTrue(live.body().contains("launcher-sweeper"), live.body());
  }

  @Test
  void metricsAreTheScrapersOverHttps() throws Exception {
    Http.Answer plain = client.get("metrics");
    assertEquals(302, plain.status(), "plain HTTP is sent to HTTPS");
    assertTrue(plain.header("Location").startsWith("https://"), plain.header("Location"));
    assertEquals(401, metrics(false).statusCode(), "no credentials, no metrics");
    HttpResponse<String> scraped = metrics(true);
    assertEquals(200, scraped.statusCode(), scraped.body());
    assertTrue(scraped.body().contains("sessionlauncher_sessions{"), scraped.body());
  }

  private static HttpResponse<String> metrics(boolean asScraper)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(LibertyTls.base().resolve("metrics?scope=application"))
            .timeout(Duration.ofSeconds(30));
    if (asScraper) {
      String credentials = "prometheus:" + PASSWORD;
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return https.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
