package io.sessionlauncher.e2e;

import static io.sessionlauncher.testing.JsonErrors.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The launcher with sign-on against a real Keycloak, what programs see: in Open Liberty with
 * server-config's {@code sign-on/sign-on.xml}, or (profile {@code payara-sign-on}) the
 * self-contained WAR on Payara Micro with MicroProfile JWT (see {@link SignOnServerExtension}).
 * Access tokens come from Keycloak by password grant and go in {@code Authorization: Bearer}; every
 * refusal is a 401 with the launcher's JSON error body, and nothing is launched for a refused
 * request (the proxy file stays empty, no demo process runs).
 */
@ExtendWith({KeycloakExtension.class, SignOnServerExtension.class})
class SignOnIT {
  private static final String DEMO = "{\"application\": \"demo\"}";

  private static Keycloak keycloak;

  private final Http launcher =
      new Http(
          URI.create("http://127.0.0.1:" + SystemTools.required("e2e.signon.http.port") + "/"));
  private final Path serverDir = Path.of(SystemTools.required("e2e.signon.server.dir"));
  private final BearerCalls api = new BearerCalls(launcher);
  private final Set<String> launched = new HashSet<>();

  @BeforeAll
  static void provider(Keycloak running) {
    keycloak = running;
  }

  @AfterEach
  void stopWhatWasLaunched() {
    for (String id : launched) {
      api.delete(keycloak.accessToken("alice"), "paraview/" + id);
    }
  }

  @Test
  void withoutCredentialsTheApiAnswers401InJson() throws IOException {
    Http.Answer post = launcher.post("paraview/", DEMO);
    assertJsonError(post, 401, "Sign-on required");
    // A program is challenged for a bearer token, never for a password.
    String challenge = post.header("WWW-Authenticate");
    assertNotNull(challenge, "401 without WWW-Authenticate");
    assertTrue(challenge.startsWith("Bearer"), "challenge: " + challenge);
    assertNothingLaunched();

    assertJsonError(launcher.get("paraview/" + UUID.randomUUID()), 401, "Sign-on required");
    assertJsonError(launcher.delete("paraview/" + UUID.randomUUID()), 401, "Sign-on required");
    // Not a redirect to the login form: programs are not browsers.
    assertJsonError(launcher.get("index.html"), 401, "Sign-on required");
  }

  @Test
  void aValidTokenLaunchesForItsUser() throws IOException {
    String token = keycloak.accessToken("alice");
    Http.Answer post = api.post(token, "paraview/", DEMO);
    assertEquals(200, post.status(), post.body());
    JsonObject session = post.json();
    String id = session.getString("id");
    launched.add(id);
    // The launcher's ${user} is the caller's principal: the token's preferred_username.
    assertEquals("alice", session.getString("user"), "session: " + session);
    assertTrue(session.getString("sessionURL").startsWith("ws://127.0.0.1:"), "" + session);
    assertTrue(
        ProxyFile.liveSessionIds(serverDir).contains(id), "the proxy file maps the new session");

    Http.Answer shown = api.get(token, "paraview/" + id);
    assertEquals(200, shown.status(), shown.body());
    assertEquals(id, shown.json().getString("id"));

    Http.Answer stopped = api.delete(token, "paraview/" + id);
    assertEquals(200, stopped.status(), stopped.body());
    assertEquals("ended", stopped.json().getString("state"), stopped.body());
    launched.remove(id);
    assertFalse(
        ProxyFile.liveSessionIds(serverDir).contains(id), "the proxy file still maps " + id);
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() throws IOException {
    // Same user name, same client id and audience, but another realm: another issuer and keys.
    String token =
        keycloak.accessToken(
            Keycloak.OTHER_REALM, Keycloak.CLIENT, Keycloak.OTHER_REALM_SECRET, "alice");
    assertEquals(keycloak.issuer(Keycloak.OTHER_REALM).toString(), claims(token).getString("iss"));
    assertRefused(token);
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() throws IOException {
    String token =
        keycloak.accessToken(
            Keycloak.REALM, Keycloak.OTHER_CLIENT, Keycloak.OTHER_CLIENT_SECRET, "alice");
    assertEquals(Keycloak.OTHER_CLIENT, claims(token).getString("aud"));
    assertRefused(token);
  }

  @Test
  void aTokenWithABadSignatureIsRefused() throws IOException {
    String token = keycloak.accessToken("alice");
    // The same claims with the signature's bytes changed: a token nobody signed.
    String[] parts = token.split("\\.");
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    signature[signature.length / 2] ^= 0x5a;
    String forged =
        parts[0]
            + "."
            + parts[1]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    assertRefused(forged);
    // A token that is no JWT at all.
    assertRefused("not-a-token");
  }

  @Test
  void anExpiredTokenIsRefused() throws IOException {
    String token =
        keycloak.accessToken(
            Keycloak.REALM, Keycloak.SHORT_LIVED_CLIENT, Keycloak.SHORT_LIVED_SECRET, "alice");
    Instant expires = Instant.ofEpochSecond(claims(token).getJsonNumber("exp").longValue());
    // While it is valid it is accepted (the launcher then answers for the unknown session) ...
    Http.Answer valid = api.get(token, "paraview/" + UUID.randomUUID());
    assertEquals(404, valid.status(), "a fresh token is accepted: " + valid.body());
    // ... and once past its expiry and the server's clock skew (1 s in the test server), never.
    Instant refusedFrom = expires.plusSeconds(2);
    Waits.until(
        "the token to be past its expiry " + expires + " and the clock skew",
        Keycloak.SHORT_LIFESPAN.plusSeconds(10),
        Duration.ofMillis(100),
        () -> Instant.now().isAfter(refusedFrom));
    assertRefused(token);
  }

  /**
   * CORS preflights carry no credentials: they are answered without sign-on. So are health probes'
   * paths (the launcher has none yet: the application's 404, not a 401).
   */
  @Test
  void preflightsAndHealthProbesNeedNoSignOn() {
    String origin = "http://127.0.0.1:" + SystemTools.required("e2e.signon.cors.port");
    Http.Answer preflight =
        launcher.send(
            launcher
                .request("paraview/")
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(204, preflight.status(), preflight.body());
    assertEquals(origin, preflight.header("Access-Control-Allow-Origin"));

    Http.Answer health = launcher.get("health/ready");
    assertEquals(200, health.status(), "health probe without sign-on: " + health.body());
    assertTrue(health.body().contains("launcher-proxy-file"), health.body());
  }

  /**
   * A browser's page navigation without a session is sent to Keycloak's login form (Liberty's
   * OpenID Connect client answers with a page that redirects there); a request of a script without
   * credentials on the same HTTPS port gets the 401.
   */
  @Test
  @DisabledIfSystemProperty(
      named = "e2e.signon.server.kind",
      matches = SignOnServerExtension.PAYARA_MICRO,
      disabledReason =
          "the self-contained WAR on Payara has no browser sign-on (bearer tokens only)")
  void pageNavigationsGoToTheLoginFormOverHttps() throws Exception {
    // Liberty's own self-signed certificate names localhost (not 127.0.0.1).
    HttpClient https =
        Keycloak.trustingClient(
            serverDir.resolve("resources/security/key.p12"),
            SystemTools.required("e2e.keycloak.tls.password"));
    URI page =
        URI.create(
            "https://localhost:" + SystemTools.required("e2e.signon.https.port") + "/index.html");
    HttpResponse<String> navigation =
        https.send(
            Http.request(page).header("Accept", "text/html,application/xhtml+xml").GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, navigation.statusCode(), navigation.body());
    String body = navigation.body();
    assertTrue(
        body.contains(keycloak.authorizationEndpoint(Keycloak.REALM) + "?"),
        "a redirect to Keycloak's login form: " + body);
    assertTrue(body.contains("client_id=" + Keycloak.CLIENT), body);
    assertTrue(body.contains("response_type=code"), body);

    HttpResponse<String> script =
        https.send(
            Http.request(page.resolve("paraview/"))
                .header("Accept", "*/*")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(DEMO))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, script.statusCode(), script.body());
    assertTrue(
        script.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        "JSON: " + script.headers().map());
    assertNothingLaunched();
  }

  private void assertRefused(String token) throws IOException {
    Http.Answer post = api.post(token, "paraview/", DEMO);
    assertJsonError(post, 401, "bearer token was not accepted");
    assertNothingLaunched();
    assertJsonError(
        api.get(token, "paraview/" + UUID.randomUUID()), 401, "bearer token was not accepted");
  }

  private void assertNothingLaunched() throws IOException {
    Set<String> live = ProxyFile.liveSessionIds(serverDir);
    live.removeAll(launched);
    assertTrue(live.isEmpty(), "sessions launched for a refused request: " + live);
    if (launched.isEmpty()) {
      // No demo session process may listen in the server's pool.
      int first = Integer.parseInt(SystemTools.required("e2e.signon.pool.first"));
      int last = Integer.parseInt(SystemTools.required("e2e.signon.pool.last"));
      for (int port = first; port <= last; port++) {
        assertEquals(List.of(), Processes.demoOnPort(port), "demo processes for a refused request");
      }
    }
  }

  /** The claims of a JWT, read without checking anything. */
  private static JsonObject claims(String token) {
    String payload = token.split("\\.")[1];
    String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
    return Json.createReader(new StringReader(json)).readObject();
  }
}
