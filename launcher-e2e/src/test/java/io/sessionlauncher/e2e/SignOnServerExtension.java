package io.sessionlauncher.e2e;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The launcher with sign-on that {@link SignOnIT} and {@link SignOnAccessIT} talk to. By default it
 * is the Liberty server the build starts ({@code e2eSignOnServer}), and nothing is done here. With
 * {@code e2e.signon.server.kind=payara-micro} (Maven profile {@code payara-sign-on}) it is the
 * self-contained WAR on Payara Micro, started here once for the whole run after Keycloak, with the
 * settings README "Deploy on Payara Micro" gives for sign-on, and stopped when the run ends.
 */
final class SignOnServerExtension implements BeforeAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SignOnServerExtension.class);

  static final String PAYARA_MICRO = "payara-micro";

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!PAYARA_MICRO.equals(System.getProperty("e2e.signon.server.kind", "liberty"))) {
      return;
    }
    Keycloak keycloak = KeycloakExtension.running(context);
    var unused =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Running.class, type -> Running.start(keycloak), Running.class);
  }

  /** The store's handle on the run's Payara Micro; JUnit closes it at the end of the run. */
  private record Running(PayaraMicro payara) implements ExtensionContext.Store.CloseableResource {
    static Running start(Keycloak keycloak) {
      String issuer = keycloak.issuer(Keycloak.REALM).toString();
      PayaraMicro payara =
          PayaraMicro.start(
              Path.of(SystemTools.required("e2e.signon.server.dir")),
              Path.of(SystemTools.required("e2e.payara.jar")),
              Path.of(SystemTools.required("e2e.payara.war")),
              Integer.parseInt(SystemTools.required("e2e.signon.http.port")),
              Path.of(SystemTools.required("e2e.payara.signon.preboot")),
              // Keycloak's certificate, for the calls that fetch its keys (a trust store that
              // holds that certificate only).
              List.of(
                  "-Djavax.net.ssl.trustStore=" + SystemTools.required("e2e.payara.truststore"),
                  "-Djavax.net.ssl.trustStoreType=PKCS12"),
              Map.of(
                  "LAUNCHER_CONFIG",
                  SystemTools.required("e2e.signon.server.dir") + "/launcher.json",
                  "LAUNCHER_SIGNON",
                  "true",
                  "MP_JWT_VERIFY_ISSUER",
                  issuer,
                  "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                  issuer + "/protocol/openid-connect/certs",
                  "MP_JWT_VERIFY_AUDIENCES",
                  Keycloak.CLIENT,
                  // Small, so that the expired-token test waits a moment only.
                  "MP_JWT_VERIFY_CLOCK_SKEW",
                  "1"));
      System.err.println(
          "[launcher-e2e] Payara Micro with sign-on answered "
              + payara.startTime().toMillis()
              + " ms after its start");
      return new Running(payara);
    }

    @Override
    public void close() {
      payara.close();
    }
  }
}
