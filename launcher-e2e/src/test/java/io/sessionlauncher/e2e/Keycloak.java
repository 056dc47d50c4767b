package io.sessionlauncher.e2e;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Keycloak, unpacked from Maven Central into {@code target/} by the build, in development mode on
 * loopback with the realms of {@code src/test/keycloak} imported into an in-memory database: a real
 * OpenID Connect provider for the sign-on tests. HTTPS only is used (with the key pair the build
 * made, which the sign-on server trusts); its output goes to {@code target/keycloak.log}.
 *
 * <p>Started through {@link KeycloakExtension}, once for all the tests of a run. Closing ends the
 * process and everything it started; a Keycloak left by an earlier run that was killed is ended
 * before a new one starts.
 */
final class Keycloak implements AutoCloseable {
  /** The realm of the launcher: alice and bob (launcher-user), carol (launcher-admin), dave. */
  static final String REALM = "session-launcher";

  /** A second realm with its own keys and issuer, and a user alice in launcher-user. */
  static final String OTHER_REALM = "other-realm";

  /** The launcher's client: standard flow, password grant, groups and audience in its tokens. */
  static final String CLIENT = "session-launcher";

  /** A client without the launcher's audience mapper: its tokens are for {@code other-client}. */
  static final String OTHER_CLIENT = "other-client";

  static final String OTHER_CLIENT_SECRET = "other-client-secret";

  /** A client with the launcher's audience whose access tokens live {@value #SHORT_LIFESPAN} s. */
  static final String SHORT_LIVED_CLIENT = "short-lived";

  static final String SHORT_LIVED_SECRET = "short-lived-secret";
  static final Duration SHORT_LIFESPAN = Duration.ofSeconds(5);

  /** The launcher's client in {@link #OTHER_REALM}. */
  static final String OTHER_REALM_SECRET = "other-realm-secret";

  /**
   * Start-up limit: the first start after unpacking also builds Keycloak's optimized server (about
   * half the time), and two cores are shared with the rest of the build.
   */
  private static final Duration START_LIMIT = Duration.ofMinutes(4);

  private static final Duration STOP_GRACE = Duration.ofSeconds(20);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Thread shutdownHook;
  private final Path home;
  private final URI base;
  private final HttpClient client;
  private final Duration startTime;

  private Keycloak(
      Process process,
      Thread shutdownHook,
      Path home,
      URI base,
      HttpClient client,
      Duration startTime) {
    this.process = process;
    this.shutdownHook = shutdownHook;
    this.home = home;
    this.base = base;
    this.client = client;
    this.startTime = startTime;
  }

  /** Starts Keycloak as the build set it up (system properties set by failsafe). */
  static Keycloak start() throws IOException {
    Path home = Path.of(SystemTools.required("e2e.keycloak.home")).toRealPath();
    Path javaHome = Path.of(SystemTools.required("e2e.keycloak.java.home"));
    int httpsPort = Integer.parseInt(SystemTools.required("e2e.keycloak.https.port"));
    int httpPort = Integer.parseInt(SystemTools.required("e2e.keycloak.http.port"));
    Path tls = Path.of(SystemTools.required("e2e.keycloak.tls.file"));
    String tlsPassword = SystemTools.required("e2e.keycloak.tls.password");
    Path log = Path.of(SystemTools.required("e2e.keycloak.log"));
    int signOnHttpsPort = Integer.parseInt(SystemTools.required("e2e.signon.https.port"));

    List<ProcessHandle> left = Processes.end(leftovers(home), STOP_GRACE);
    if (!left.isEmpty()) {
      throw new IllegalStateException("a Keycloak of an earlier run would not end: " + left);
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--db=dev-mem",
                "--import-realm",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--https-port=" + httpsPort,
                "--https-key-store-file=" + tls,
                "--https-key-store-password=" + tlsPassword)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.put("JAVA_HOME", javaHome.toString());
    environment.remove("JAVA_OPTS");
    // Keycloak fills these placeholders of the realm files when it imports them.
    environment.put(
        "E2E_SIGNON_REDIRECT_URI",
        "https://127.0.0.1:" + signOnHttpsPort + "/oidcclient/redirect/*");
    environment.put("E2E_SIGNON_CLIENT_SECRET", SystemTools.required("e2e.signon.client.secret"));

    HttpClient client = trustingClient(tls, tlsPassword);
    URI base = URI.create("https://127.0.0.1:" + httpsPort + "/");
    URI wellKnown = base.resolve("realms/" + REALM + "/.well-known/openid-configuration");
    long started = System.nanoTime();
    Process process = builder.start();
    // Should the test JVM be stopped before JUnit closes its resources (Ctrl-C, a fork timeout).
    Thread shutdownHook = new Thread(() -> end(process, home), "keycloak-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      Waits.until(
          () -> "Keycloak to answer at " + wellKnown + tail(log),
          START_LIMIT,
          Duration.ofMillis(250),
          () -> {
            if (!process.isAlive()) {
              throw new AssertionError(
                  "Keycloak ended with exit code " + process.exitValue() + tail(log));
            }
            return answers(client, wellKnown);
          });
    } catch (RuntimeException | Error e) {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
      end(process, home);
      throw e;
    }
    return new Keycloak(
        process, shutdownHook, home, base, client, Duration.ofNanos(System.nanoTime() - started));
  }

  /** How long Keycloak took from start to answering. */
  Duration startTime() {
    return startTime;
  }

  /** The issuer of {@code realm}'s tokens, as the sign-on server is configured with it. */
  URI issuer(String realm) {
    return base.resolve("realms/" + realm);
  }

  /** The address of {@code realm}'s login form and other endpoints start with this. */
  String authorizationEndpoint(String realm) {
    return issuer(realm) + "/protocol/openid-connect/auth";
  }

  /** An access token of the launcher's client for {@code user}, by password grant. */
  String accessToken(String user) {
    return accessToken(REALM, CLIENT, SystemTools.required("e2e.signon.client.secret"), user);
  }

  /**
   * An access token of {@code clientId} in {@code realm} for {@code user}, whose password is {@code
   * <user>-password}, by password grant.
   */
  String accessToken(String realm, String clientId, String secret, String user) {
    Map<String, String> form =
        Map.of(
            "grant_type",
            "password",
            "client_id",
            clientId,
            "client_secret",
            secret,
            "username",
            user,
            "password",
            user + "-password",
            "scope",
            "openid");
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(issuer(realm) + "/protocol/openid-connect/token"))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = send(request);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "Keycloak gave no token to "
              + user
              + " of "
              + clientId
              + " in "
              + realm
              + ": "
              + response.statusCode()
              + " "
              + response.body());
    }
    JsonObject answer = Json.createReader(new StringReader(response.body())).readObject();
    return answer.getString("access_token");
  }

  private static boolean answers(HttpClient client, URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false; // not listening yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Keycloak", e);
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + request.uri(), e);
    }
  }

  @Override
  public void close() {
    Runtime.getRuntime().removeShutdownHook(shutdownHook);
    end(process, home);
  }

  /**
   * Ends {@code process}, what it started, and any Keycloak of {@code home}; fails if one lives.
   */
  private static void end(Process process, Path home) {
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.addAll(leftovers(home));
    List<ProcessHandle> left = Processes.end(all.stream().distinct().toList(), STOP_GRACE);
    if (!left.isEmpty()) {
      throw new IllegalStateException("Keycloak processes survived: " + left);
    }
  }

  /** Keycloak's JVMs started from {@code home}, by this run or an earlier one. */
  private static List<ProcessHandle> leftovers(Path home) {
    return Processes.withCommandLine("-Dkc.home.dir=" + home);
  }

  /**
   * An HTTP client (as {@link Http#newClient()} makes them) that trusts the certificate in the PKCS
   * #12 file {@code trustStore}, Keycloak's own.
   */
  static HttpClient trustingClient(Path trustStore, String password) {
    try (InputStream in = Files.newInputStream(trustStore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, trust.getTrustManagers(), null);
      return HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .proxy(HttpClient.Builder.NO_PROXY)
          .connectTimeout(Http.CONNECT_TIMEOUT)
          .sslContext(tls)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the trust store " + trustStore, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot use the trust store " + trustStore, e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The end of Keycloak's log, for a failure message. */
  private static String tail(Path log) {
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      List<String> all = lines.toList();
      return "\n--- last lines of "
          + log
          + " ---\n"
          + String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return " (no log: " + e + ")";
    }
  }
}
