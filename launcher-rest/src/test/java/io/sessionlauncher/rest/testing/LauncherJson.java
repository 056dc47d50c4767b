package io.sessionlauncher.rest.testing;

import io.sessionlauncher.demo.DemoSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes {@code launcher.json} files for tests, with the demo session app ready to launch. */
public final class LauncherJson {
  private final Path folder;
  private String timeout = "20";
  private String sessionUrl = "ws://${host}:${port}/ws";
  private String fields = "[\"host\", \"port\"]";
  private String extraConfiguration = "";
  private final List<String> httpMembers = new ArrayList<>();
  private String sessionData = "{}";
  private int firstPort;
  private int lastPort;
  private final List<String> apps = new ArrayList<>();

  public LauncherJson(Path folder, int firstPort, int lastPort) {
    this.folder = folder;
    this.firstPort = firstPort;
    this.lastPort = lastPort;
  }

  /** The JVM running the tests, to start Java fixtures with. */
  public static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The demo session app's runnable jar (or classes folder in an IDE). */
  public static String demoJar() {
    try {
      return Path.of(DemoSession.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public LauncherJson timeout(String seconds) {
    this.timeout = seconds;
    return this;
  }

  public LauncherJson sessionUrl(String template) {
    this.sessionUrl = template;
    return this;
  }

  public LauncherJson fields(String jsonArray) {
    this.fields = jsonArray;
    return this;
  }

  public LauncherJson sessionData(String jsonObject) {
    this.sessionData = jsonObject;
    return this;
  }

  /**
   * Adds {@code "key": value} pairs (JSON text, with a trailing comma) to {@code configuration}.
   */
  public LauncherJson configuration(String members) {
    this.extraConfiguration = members;
    return this;
  }

  /** Sets {@code configuration.content}, the folder served as static files. */
  public LauncherJson content(Path folder) {
    httpMembers.add("\"content\": " + quote(folder.toString()));
    return this;
  }

  /** Sets {@code configuration.upload_dir}, which enables {@code POST /upload}. */
  public LauncherJson uploadDir(Path folder) {
    httpMembers.add("\"upload_dir\": " + quote(folder.toString()));
    return this;
  }

  /** Sets {@code configuration.max_upload_size} in bytes. */
  public LauncherJson maxUploadSize(long bytes) {
    httpMembers.add("\"max_upload_size\": " + bytes);
    return this;
  }

  /** Sets {@code configuration.cors_origins}. */
  public LauncherJson corsOrigins(String... origins) {
    List<String> quoted = new ArrayList<>();
    for (String origin : origins) {
      quoted.add(quote(origin));
    }
    httpMembers.add("\"cors_origins\": [" + String.join(", ", quoted) + "]");
    return this;
  }

  /** Adds an app; {@code body} is the JSON object text of its entry. */
  public LauncherJson app(String name, String body) {
    apps.add("\"" + name + "\": " + body);
    return this;
  }

  /** Adds the demo app: the demo session jar on {@code ${port}}, ready on "Starting factory". */
  public LauncherJson demoApp(String name, String... extraArgs) {
    StringBuilder args = new StringBuilder();
    for (String arg : extraArgs) {
      args.append(", ").append(quote(arg));
    }
    return app(
        name,
        "{\"cmd\": [\"${java}\", \"-jar\", \"${demo}\", \"--host\", \"${host}\", \"--port\", \"${port}\""
            + args
            + "], \"ready_line\": \"Starting factory\"}");
  }

  public Path proxyFile() {
    return folder.resolve("proxy.txt");
  }

  public Path logDir() {
    return folder.resolve("logs");
  }

  public Path write() {
    String text =
        "{\n"
            + "  // written by a test\n"
            + "  \"configuration\": {\n"
            + "    \"host\": \"127.0.0.1\", \"port\": 0, \"endpoint\": \"paraview\",\n"
            + "    \"proxy_file\": "
            + quote(proxyFile().toString())
            + ",\n"
            + "    \"sessionURL\": "
            + quote(sessionUrl)
            + ",\n"
            + "    \"timeout\": "
            + timeout
            + ",\n"
            + "    \"log_dir\": "
            + quote(logDir().toString())
            + ",\n"
            + extraConfiguration
            + httpMembers.stream().map(member -> "    " + member + ",\n").reduce("", String::concat)
            + "    \"fields\": "
            + fields
            + "\n"
            + "  },\n"
            + "  \"sessionData\": "
            + sessionData
            + ",\n"
            + "  \"resources\": [{\"host\": \"127.0.0.1\", \"port_range\": ["
            + firstPort
            + ", "
            + lastPort
            + "]}],\n"
            + "  \"properties\": {\"java\": "
            + quote(javaBinary())
            + ", \"demo\": "
            + quote(demoJar())
            + "},\n"
            + "  \"apps\": {"
            + String.join(",\n", apps)
            + "}\n"
            + "}\n";
    try {
      Path file = folder.resolve("launcher.json");
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
