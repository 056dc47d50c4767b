package io.sessionlauncher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import io.sessionlauncher.testing.WebSocketClient;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Apache httpd in front of the launcher, as the seed's "Apache as a front end" sets it up: the
 * launcher writes {@code <id> <host>:<port>} lines to its proxy file, Apache's {@code RewriteMap}
 * reads them, and {@code mod_proxy_wstunnel} carries each session's WebSocket to its port. The
 * launcher's {@code sessionURL} points at Apache ({@code src/test/liberty/apache/launcher.json}).
 * The launcher runs in Open Liberty, or in Payara Micro with the build's {@code payara-micro}
 * profile.
 */
class ApacheFrontEndIT {
  private static final Pattern MAP_LINE =
      Pattern.compile("^(\\S+) (\\S+):(\\d+)$", Pattern.MULTILINE);

  private final int frontPort = Integer.getInteger("e2e.apache.front.port", 9381);
  private final int launcherPort = Integer.getInteger("e2e.apache.http.port", 9382);
  private final Path proxyFile = Path.of(SystemTools.required("e2e.apache.proxy.file"));
  private final Path confRoot = Path.of(SystemTools.required("e2e.apache.conf.dir"));
  private final Http launcher = new Http(URI.create("http://127.0.0.1:" + launcherPort + "/"));
  private final WebSocketClient webSockets = new WebSocketClient();
  private final Http front = new Http(URI.create("http://127.0.0.1:" + frontPort + "/"));
  private final List<String> started = new ArrayList<>();

  @BeforeEach
  void apacheIsInstalled() throws IOException {
    SystemTools.requireApache();
    proxyFolderReadableByApache();
  }

  /**
   * What an administrator does once: Liberty's server script runs with {@code umask o=}, so the
   * folders the launcher creates for its proxy file are closed to other users, and Apache's
   * children (here {@code nobody}) could not open the file in them. The launcher makes the file
   * {@code rw-r-----} and keeps the permissions of an existing one: Apache, in no group of the
   * launcher's user here, is given read access as any other user.
   */
  private void proxyFolderReadableByApache() throws IOException {
    if (Files.exists(proxyFile)) {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(proxyFile);
      permissions.add(PosixFilePermission.OTHERS_READ);
      Files.setPosixFilePermissions(proxyFile, permissions);
    }
    for (Path folder = proxyFile.getParent();
        folder != null && folder.startsWith(confRoot);
        folder = folder.getParent()) {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
      permissions.add(PosixFilePermission.OTHERS_READ);
      permissions.add(PosixFilePermission.OTHERS_EXECUTE);
      Files.setPosixFilePermissions(folder, permissions);
    }
  }

  @AfterEach
  void stopWhatIsLeft() throws IOException, InterruptedException {
    for (String id : started) {
      Http.Answer shown = launcher.get("paraview/" + id);
      if (shown.status() == 200 && !"ended".equals(shown.json().getString("state"))) {
        launcher.delete("paraview/" + id);
      }
    }
  }

  /**
   * docs/apache-launcher.conf, included as shipped: the launcher's own API through Apache, each
   * session's WebSocket to its own process, and an id that was deleted is answered 404.
   */
  @Test
  void documentedConfigurationRoutesEachSessionAndForgetsDeletedOnes() throws Exception {
    Path documented = Path.of(SystemTools.required("e2e.docs.dir"), "apache-launcher.conf");
    assertTrue(Files.isRegularFile(documented), documented + " exists");
    try (ApacheHttpd apache =
        ApacheHttpd.start(
            confRoot.resolve("documented"),
            frontPort,
            List.of(
                new String[] {"LAUNCHER_FRONT_PORT", Integer.toString(frontPort)},
                new String[] {"LAUNCHER_BACKEND", "127.0.0.1:" + launcherPort},
                new String[] {"LAUNCHER_PROXY_FILE", proxyFile.toString()}),
            documented)) {
      // Clients only see Apache: the launcher's API is reached through it too.
      JsonObject first = create(front);
      JsonObject second = create(front);
      String firstId = first.getString("id");
      String secondId = second.getString("id");
      URI firstUrl = sessionUrl(first);
      URI secondUrl = sessionUrl(second);
      int firstPort = mappedPort(firstId);
      int secondPort = mappedPort(secondId);

      assertEquals("echo one", webSockets.echo(firstUrl, "echo one"), apache.logs());
      assertEquals("echo two", webSockets.echo(secondUrl, "echo two"), apache.logs());
      // Each id reaches its own process: the demo's HTTP greeting names its port.
      assertEquals("demo session on port " + firstPort + "\n", greeting(firstId));
      assertEquals("demo session on port " + secondPort + "\n", greeting(secondId));

      Http.Answer deleted = front.delete("paraview/" + firstId);
      assertEquals(200, deleted.status(), deleted.body());
      assertEquals("ended", deleted.json().getString("state"));
      Waits.until(
          () -> "the map line of " + firstId + " gone: " + mapText(),
          Duration.ofSeconds(10),
          () -> !mapText().contains(firstId));

      // Apache no longer routes the deleted id, and still routes the other one.
      assertEquals(404, webSockets.refusedHandshake(firstUrl), apache.logs());
      assertEquals("still here", webSockets.echo(secondUrl, "still here"));
      assertTrue(
          Processes.awaitNoDemoOnPort(firstPort, Duration.ofSeconds(10)).isEmpty(),
          "no demo process on " + firstPort);

      Http.Answer secondDeleted = front.delete("paraview/" + secondId);
      assertEquals(200, secondDeleted.status(), secondDeleted.body());
      assertEquals(404, webSockets.refusedHandshake(secondUrl), apache.logs());
      assertTrue(Processes.awaitNoDemoOnPort(secondPort, Duration.ofSeconds(10)).isEmpty());

      apache.stop();
      assertTrue(apache.running().isEmpty(), "httpd processes left: " + apache.running());
    }
  }

  /**
   * The guide's two lines exactly (RewriteMap, RewriteCond, RewriteRule ... [P]) with nothing else:
   * a live session is reached; after DELETE the id maps to nothing and Apache answers with an error
   * instead of a WebSocket.
   */
  @Test
  void guidesRewriteRulesAloneRouteLiveSessionsOnly() throws Exception {
    Path root = confRoot.resolve("guide");
    Files.createDirectories(root);
    Path rules = root.resolve("guide-rules.conf");
    Files.writeString(
        rules,
        String.join(
            "\n",
            "# The RewriteMap and rules of the ParaViewWeb guide, verbatim but for the file name.",
            "RewriteEngine On",
            "RewriteMap session-to-port \"txt:" + proxyFile + "\"",
            "RewriteCond %{QUERY_STRING} ^sessionId=(.*)&path=(.*)$ [NC]",
            "RewriteRule ^/proxy.*$ ws://${session-to-port:%1}/%2 [P]",
            ""),
        StandardCharsets.UTF_8);
    try (ApacheHttpd apache =
        ApacheHttpd.start(root.resolve("httpd"), frontPort, List.of(), rules)) {
      JsonObject session = create(launcher);
      String id = session.getString("id");
      URI url = sessionUrl(session);
      int port = mappedPort(id);
      assertEquals("through the guide's rules", webSockets.echo(url, "through the guide's rules"));

      Http.Answer deleted = launcher.delete("paraview/" + id);
      assertEquals(200, deleted.status(), deleted.body());
      Waits.until(
          () -> "the map line of " + id + " gone: " + mapText(),
          Duration.ofSeconds(10),
          () -> !mapText().contains(id));

      int status = webSockets.refusedHandshake(url);
      assertTrue(
          status >= 400, "refused with an error status, got " + status + "; " + apache.logs());
      assertTrue(Processes.awaitNoDemoOnPort(port, Duration.ofSeconds(10)).isEmpty());
    }
  }

  private JsonObject create(Http client) throws IOException, InterruptedException {
    Http.Answer created = client.post("paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, created.status(), created.body());
    JsonObject session = created.json();
    started.add(session.getString("id"));
    return session;
  }

  /** The sessionURL as the launcher.json template makes it: Apache's port, the session's id. */
  private URI sessionUrl(JsonObject session) {
    String expected =
        "ws://127.0.0.1:" + frontPort + "/proxy?sessionId=" + session.getString("id") + "&path=ws";
    assertEquals(expected, session.getString("sessionURL"));
    return URI.create(expected);
  }

  /** The session's port as the launcher wrote it into the proxy file. */
  private int mappedPort(String id) {
    Matcher line = MAP_LINE.matcher(mapText());
    while (line.find()) {
      if (line.group(1).equals(id)) {
        assertEquals("127.0.0.1", line.group(2));
        return Integer.parseInt(line.group(3));
      }
    }
    throw new AssertionError("no line for " + id + " in " + proxyFile + ": " + mapText());
  }

  /** GET through Apache with an empty path: the session's own HTTP answer. */
  private String greeting(String id) throws IOException, InterruptedException {
    Http.Answer answer = front.get(front.base().resolve("proxy?sessionId=" + id + "&path="));
    assertEquals(200, answer.status(), answer.body());
    return answer.body();
  }

  private String mapText() {
    try {
      return Files.exists(proxyFile) ? Files.readString(proxyFile, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
