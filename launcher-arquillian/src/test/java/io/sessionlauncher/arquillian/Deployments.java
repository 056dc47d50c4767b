package io.sessionlauncher.arquillian;

import io.sessionlauncher.testing.LauncherJson;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the suite deploys: the archive the Maven profile names (the EAR on Open Liberty, the
 * self-contained WAR on Payara Micro) exactly as the build made it, and the {@code launcher.json}
 * that {@code LAUNCHER_CONFIG} names, written before the deployment reads it.
 */
final class Deployments {
  /** The apps of the suite's configuration. */
  static final String DEMO = "demo";

  static final String GREETER = "greeter";
  static final String GREETING = "Hello from the plugins folder";

  private Deployments() {}

  /** Writes the configuration, then imports the archive under test. */
  static Archive<?> launcher() {
    configuration().write();
    File archive = new File(property("arq.archive"));
    return archive.getName().endsWith(".ear")
        ? ShrinkWrap.createFromZipFile(EnterpriseArchive.class, archive)
        : ShrinkWrap.createFromZipFile(WebArchive.class, archive);
  }

  /** The file {@code LAUNCHER_CONFIG} names, in the build's folder for the suite. */
  static LauncherJson configuration() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path dir = Path.of(property("arq.dir"));
    return LauncherJson.in(dir.resolve("config"))
        .resource(
            "127.0.0.1",
            Integer.parseInt(property("arq.pool.first")),
            Integer.parseInt(property("arq.pool.last")))
        .timeout(60)
        .stopGrace(5)
        .app(
            DEMO,
            List.of(
                java.toString(),
                "-jar",
                dir.resolve("demo-session.jar").toString(),
                "--host",
                "${host}",
                "--port",
                "${port}"),
            "Starting factory")
        .app(
            GREETER,
            Map.of("product", "greeter", "mode", "local", "config", Map.of("greeting", GREETING)));
  }

  /**
   * The application's root URL on loopback: an EAR's web module is at the context root its
   * application.xml gives, "/"; a WAR is at its file's name.
   */
  static URI root() {
    String archive = new File(property("arq.archive")).getName();
    String path = archive.endsWith(".ear") ? "/" : "/" + archive.replaceFirst("\\.war$", "") + "/";
    return URI.create("http://127.0.0.1:" + property("arq.http.port") + path);
  }

  /** Which server the suite runs against, for messages. */
  static String server() {
    return property("arq.server");
  }

  static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(
          "system property " + name + " is not set (run through Maven)");
    }
    return value;
  }
}
