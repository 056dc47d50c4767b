package io.sessionlauncher.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A launcher without sign-on refuses to start when the server listens beyond loopback, naming the
 * one switch that allows it; with that switch it starts and says what it means. The address comes
 * from the server's own {@code http.host} variable, as an operator sets it. The server is started
 * again as it was afterwards.
 */
class AnonymousBeyondLoopbackIT {
  private final Path dropIn =
      LibertyServer.serverDir().resolve("configDropins/overrides/zz-anonymous-beyond-loopback.xml");

  @Test
  void withoutSignOnEveryAddressIsRefusedUnlessAnonymousUseIsAllowed() throws Exception {
    try {
      restartWith("<variable name=\"http.host\" value=\"0.0.0.0\"/>");
      Waits.until(
          "the launcher's refusal in messages.log",
          Duration.ofMinutes(2),
          () -> messages().contains("launcher.allowAnonymous=true"));
      String log = messages();
      assertTrue(log.contains("listens on 0.0.0.0"), log);
      assertTrue(log.contains("no sign-on is configured"), log);
      Http.Answer probe = new Http(LibertyServer.base()).post("paraview/", "{}");
      assertFalse(
          String.valueOf(probe.contentType()).startsWith("application/json"),
          "the launcher must not answer: " + probe.status() + " " + probe.body());

      restartWith(
          "<variable name=\"http.host\" value=\"0.0.0.0\"/>"
              + "<variable name=\"launcher.allowAnonymous\" value=\"true\"/>");
      LibertyServer.awaitLauncher();
      assertTrue(
          messages().contains("listens on 0.0.0.0 (launcher.allowAnonymous=true)"), messages());
    } finally {
      Files.deleteIfExists(dropIn);
      assertEquals(0, LibertyServer.server("stop"), "server stop");
      assertEquals(0, LibertyServer.server("start"), "server start");
      LibertyServer.awaitLauncher();
    }
  }

  private void restartWith(String variables) throws IOException, InterruptedException {
    assertEquals(0, LibertyServer.server("stop"), "server stop");
    Files.createDirectories(dropIn.getParent());
    Files.writeString(dropIn, "<server>" + variables + "</server>\n", StandardCharsets.UTF_8);
    assertEquals(0, LibertyServer.server("start"), "server start");
  }

  private static String messages() {
    try {
      return LibertyServer.messagesLog();
    } catch (IOException e) {
      return "";
    }
  }
}
