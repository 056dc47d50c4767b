package io.sessionlauncher.ear;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The test server's HTTPS: Liberty's own self-signed certificate (made at the first start, for
 * {@code localhost}) trusted by the tests' clients, nothing else.
 */
final class LibertyTls {
  private LibertyTls() {}

  /** {@code https://localhost:<https port>/}: the name the certificate is for. */
  static URI base() {
    return URI.create(
        "https://localhost:" + System.getProperty("liberty.https.port", "9443") + "/");
  }

  /** Trusts the server's key store, whose password {@code server create} put in server.env. */
  static SSLContext context() throws IOException, GeneralSecurityException {
    Path serverEnv = LibertyServer.serverDir().resolve("server.env");
    String password =
        Files.readAllLines(serverEnv).stream()
            .filter(line -> line.startsWith("keystore_password="))
            .map(line -> line.substring("keystore_password=".length()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no keystore_password in " + serverEnv));
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in =
        Files.newInputStream(LibertyServer.serverDir().resolve("resources/security/key.p12"))) {
      store.load(in, password.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  /** An HTTP client trusting the server, following no redirect (a test looks at each answer). */
  static HttpClient client() throws IOException, GeneralSecurityException {
    return HttpClient.newBuilder()
        .sslContext(context())
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }
}
