package io.sessionlauncher.arquillian;

import io.sessionlauncher.testing.LauncherJson;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
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

  /** An app that never prints its ready line: it stays starting until ended; says its pid. */
  static final String NEVER_READY = "never-ready";

  static final String GREETING = "Hello from the plugins folder";

  /** The one origin {@code cors_origins} allows. */
  static final String ALLOWED_ORIGIN = "http://localhost:8080";

  /** {@code max_upload_size}: small, so the refusal of a larger upload is quick to show. */
  static final int MAX_UPLOAD = 1024 * 1024;

  /** The page and script the {@code content} folder serves. */
  static final String INDEX_HTML = "<!DOCTYPE html><title>Session Launcher</title>\n";

  /**
   * The suite's {@code proxy_max_message_size}: the largest message the launcher's proxy passes.
   * Above Tyrus's own default buffer for a frame (4 MiB), so that on Payara the WAR's larger one is
   * shown in use.
   */
  static final int PROXY_MAX_MESSAGE = 5 * 1024 * 1024;

  static final String APP_JS = "console.log('Session Launcher');\n";

  private Deployments() {}

  /** Writes the configuration and its content folder, then imports the archive under test. */
  static Archive<?> launcher() {
    LauncherJson configuration = configuration();
    writeContent(configuration.folder());
    configuration.write();
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
        .content(dir.resolve("config/content"))
        .uploadDir(dir.resolve("config/uploads"))
        .maxUploadSize(MAX_UPLOAD)
        .corsOrigins(ALLOWED_ORIGIN)
        .set("configuration.proxy_max_message_size", PROXY_MAX_MESSAGE)
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
            NEVER_READY,
            LauncherJson.literal(List.of("/bin/sh", "-c", "echo pid $$; exec sleep 600")),
            "never")
        .app(
            GREETER,
            Map.of("product", "greeter", "mode", "local", "config", Map.of("greeting", GREETING)));
  }

  /** The folder {@code content} names: a page and a script in a sub-folder. */
  static Path content() {
    return configuration().folder().resolve("content");
  }

  /** The folder {@code upload_dir} names. */
  static Path uploads() {
    return configuration().folder().resolve("uploads");
  }

  private static void writeContent(Path config) {
    try {
      Files.createDirectories(config.resolve("content/js"));
      Files.createDirectories(config.resolve("uploads"));
      Files.writeString(config.resolve("content/index.html"), INDEX_HTML);
      Files.writeString(config.resolve("content/js/app.js"), APP_JS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
