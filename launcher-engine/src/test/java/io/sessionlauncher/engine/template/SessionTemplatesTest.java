package io.sessionlauncher.engine.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.config.ConfigLoader;
import io.sessionlauncher.engine.testing.LauncherJson;
import io.sessionlauncher.model.AppConfig;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.InvalidRequestException;
import io.sessionlauncher.model.LaunchRequest;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.SessionId;
import io.sessionlauncher.model.UnresolvedVariableException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expansion of sessionURL, cmd and sessionData for one session (contract, section 3). */
class SessionTemplatesTest {
  private static final SessionId ID = SessionId.random();
  private static final HostPort RESOURCE = new HostPort("127.0.0.1", 9002);
  private static final String SECRET = "generated-secret-0123456789";

  @TempDir Path dir;

  private LauncherJson base() {
    return LauncherJson.in(dir).resource(RESOURCE.host(), 9001, 9003);
  }

  private static SessionTemplates.Expansion expand(
      LauncherConfig config, String app, Map<String, Object> body) {
    Map<String, Object> values = new LinkedHashMap<>(body);
    values.put("application", app);
    AppConfig appConfig = config.app(app).orElseThrow();
    return SessionTemplates.expand(
        config, appConfig, new LaunchRequest(app, values, "tester"), ID, RESOURCE, SECRET);
  }

  private static Map<String, Object> body(Object... keyValues) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      body.put((String) keyValues[i], keyValues[i + 1]);
    }
    return body;
  }

  @Test
  void generatedVariablesAndRequestKeysFillTheCommand() {
    LauncherConfig config =
        base()
            .app(
                "viz",
                List.of("prog", "--id", "${id}", "--bind", "$host:$port", "--file", "${file}"),
                null)
            .load();

    SessionTemplates.Expansion e = expand(config, "viz", body("file", "cone.vtk"));

    assertEquals(
        List.of("prog", "--id", ID.toString(), "--bind", "127.0.0.1:9002", "--file", "cone.vtk"),
        e.argv());
    assertEquals("ws://127.0.0.1:9002/ws", e.sessionUrl());
    Map<String, Object> data = e.data();
    assertEquals("viz", data.get("application"));
    assertEquals("cone.vtk", data.get("file"));
    assertEquals(ID.toString(), data.get("id"));
    assertEquals("127.0.0.1", data.get("host"));
    assertEquals(9002, data.get("port"));
    assertEquals("ws://127.0.0.1:9002/ws", data.get("sessionURL"));
    assertEquals(e.argv(), data.get("cmd"));
    assertEquals(SECRET, data.get("secret"));
  }

  @Test
  void propertiesAndGeneratedVariablesWinOverRequestKeys() {
    LauncherConfig config =
        base()
            .property("python_exec", "/usr/bin/python3")
            .app(
                "fake",
                List.of("${python_exec}", "server.py", "--port", "${port}", "--host", "$host"),
                null)
            .load();

    SessionTemplates.Expansion e =
        expand(
            config,
            "fake",
            body("python_exec", "/bin/echo", "port", "1", "host", "evil.example", "id", "x"));

    assertEquals(
        List.of("/usr/bin/python3", "server.py", "--port", "9002", "--host", "127.0.0.1"),
        e.argv());
    assertEquals(9002, e.data().get("port"));
    assertEquals("127.0.0.1", e.data().get("host"));
    assertEquals(ID.toString(), e.data().get("id"));
  }

  @Test
  void userIsTheOwnerAndARequestCannotClaimAnother() {
    LauncherConfig config =
        base().app("viz", List.of("prog", "--data", "/data/${user}"), null).load();

    SessionTemplates.Expansion e = expand(config, "viz", body("user", "mallory"));

    assertEquals(List.of("prog", "--data", "/data/tester"), e.argv());
    assertEquals("tester", e.data().get("user"));
  }

  @Test
  void requestValuesAreInsertedLiterally() {
    LauncherConfig config =
        base()
            .property("dataDir", "/data")
            .app("viz", List.of("prog", "--file", "${dataDir}/${file}", "--name", "$name"), null)
            .load();

    SessionTemplates.Expansion e =
        expand(config, "viz", body("file", "$port", "name", "${secret}$$${dataDir}"));

    assertEquals(
        List.of("prog", "--file", "/data/$port", "--name", "${secret}$$${dataDir}"), e.argv());
    assertFalse(e.secretShared());
  }

  @Test
  void scalarRequestValuesBecomeText() {
    LauncherConfig config =
        base().app("viz", List.of("prog", "$n", "$f", "$b", "[$nothing]"), null).load();

    SessionTemplates.Expansion e =
        expand(config, "viz", body("n", 42, "f", 2.5, "b", true, "nothing", null));

    assertEquals(List.of("prog", "42", "2.5", "true", "[]"), e.argv());
  }

  @Test
  void aListOrObjectCannotStandInAnArgument() {
    LauncherConfig config = base().app("viz", List.of("prog", "$files"), null).load();

    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> expand(config, "viz", body("files", List.of("a", "b"))));

    assertTrue(e.getMessage().contains("'files'"), e.getMessage());
    assertTrue(e.getMessage().contains("an array"), e.getMessage());
  }

  @Test
  void anUnresolvedVariableRefusesTheRequest() {
    LauncherConfig config =
        base().app("viz", List.of("prog", "--load", "${fileToLoad}"), null).load();

    UnresolvedVariableException e =
        assertThrows(UnresolvedVariableException.class, () -> expand(config, "viz", body()));

    assertEquals("fileToLoad", e.variable());
  }

  @Test
  void dollarDollarInCmdIsALiteralDollar() {
    LauncherConfig config = base().app("viz", List.of("prog", "cost=$$5", "$$port"), null).load();

    assertEquals(List.of("prog", "cost=$5", "$port"), expand(config, "viz", body()).argv());
  }

  @Test
  void sanitizeReplacesRefusedValuesByTheDefault() {
    LauncherConfig config =
        base()
            .set(
                "configuration.sanitize.mode",
                Map.of("type", "inList", "list", List.of("fast", "slow"), "default", "slow"))
            .set(
                "configuration.sanitize.file",
                Map.of("type", "regexp", "regexp", "^[a-z]+", "default", "default"))
            .app("viz", List.of("prog", "$mode", "$file"), null)
            .load();

    assertEquals(
        List.of("prog", "fast", "cone"),
        expand(config, "viz", body("mode", "fast", "file", "cone")).argv());
    assertEquals(
        List.of("prog", "slow", "default"),
        expand(config, "viz", body("mode", "FAST", "file", "good;rm -rf /")).argv());
    SessionTemplates.Expansion refused =
        expand(config, "viz", body("mode", "x", "file", "good;rm"));
    assertEquals("slow", refused.data().get("mode"));
    assertEquals("default", refused.data().get("file"));
  }

  @Test
  void aMissingKeyWithARuleTakesTheDefault() {
    LauncherConfig config =
        base()
            .set(
                "configuration.sanitize.file",
                Map.of("type", "regexp", "regexp", "[a-z]+", "default", "empty.vtk"))
            .app("viz", List.of("prog", "--file", "${file}"), null)
            .load();

    assertEquals(List.of("prog", "--file", "empty.vtk"), expand(config, "viz", body()).argv());
  }

  @Test
  void aNonStringValueAgainstARuleIsAnInvalidRequest() {
    LauncherConfig config =
        base()
            .set(
                "configuration.sanitize.file",
                Map.of("type", "regexp", "regexp", "[a-z]+", "default", "x"))
            .app("viz", List.of("prog", "${file}"), null)
            .load();

    for (Object value : List.of(5, true, List.of("a"), Map.of("a", "b"))) {
      InvalidRequestException e =
          assertThrows(
              InvalidRequestException.class, () -> expand(config, "viz", body("file", value)));
      assertTrue(e.getMessage().contains("'file' must be a string"), e.getMessage());
    }
  }

  @Test
  void theWslinkSanitizeExampleExpandsToItsDefaults() throws URISyntaxException {
    Path file = Path.of(getClass().getResource("/configs/wslink-test-sanitize.json").toURI());
    LauncherConfig config = new ConfigLoader().load(file);

    SessionTemplates.Expansion e = expand(config, "test", body("cmd", "meX", "cmd2", "hello\"912"));

    assertEquals(List.of("echo", "nothing-to-do nothing"), e.argv());
    assertEquals(List.of("echo", "nothing-to-do nothing"), e.data().get("cmd"));
    assertEquals("nothing", e.data().get("cmd2"));
  }

  @Test
  void theWslinkSanitizeExampleKeepsAcceptedValues() throws URISyntaxException {
    Path file = Path.of(getClass().getResource("/configs/wslink-test-sanitize.json").toURI());
    LauncherConfig config = new ConfigLoader().load(file);

    SessionTemplates.Expansion e =
        expand(config, "test", body("cmd", "you", "cmd2", "some/file-1.vtk"));

    assertEquals(List.of("echo", "you some/file-1.vtk"), e.argv());
  }

  @Test
  void sessionDataUsesCmdSessionUrlAndEarlierKeys() {
    LauncherConfig config =
        base()
            .set("configuration.sessionURL", "ws://proxy/ws?sessionId=${id}")
            .app("viz", List.of("prog", "--port", "$port"), null)
            .sessionData("url", "${sessionURL}&x=1")
            .sessionData("command", "${cmd}")
            .sessionData("both", "${url}|$command|$application")
            .load();

    SessionTemplates.Expansion e = expand(config, "viz", body());

    String url = "ws://proxy/ws?sessionId=" + ID + "&x=1";
    assertEquals(url, e.data().get("url"));
    assertEquals("prog --port 9002", e.data().get("command"));
    assertEquals(url + "|prog --port 9002|viz", e.data().get("both"));
  }

  @Test
  void sessionDataCannotUseALaterKey() {
    LauncherConfig config =
        base()
            .app("viz", List.of("prog"), null)
            .sessionData("first", "${second}")
            .sessionData("second", "two")
            .load();

    UnresolvedVariableException e =
        assertThrows(UnresolvedVariableException.class, () -> expand(config, "viz", body()));
    assertEquals("second", e.variable());
  }

  @Test
  void sessionUrlComesBeforeCmd() {
    LauncherConfig config =
        base()
            .set("configuration.sessionURL", "ws://h/${cmd}")
            .app("viz", List.of("prog"), null)
            .load();

    UnresolvedVariableException e =
        assertThrows(UnresolvedVariableException.class, () -> expand(config, "viz", body()));
    assertEquals("cmd", e.variable());
  }

  @Test
  void theCommandMaySeeTheSessionUrl() {
    LauncherConfig config =
        base().app("viz", List.of("prog", "--url", "${sessionURL}"), null).load();

    assertEquals(
        List.of("prog", "--url", "ws://127.0.0.1:9002/ws"), expand(config, "viz", body()).argv());
  }

  @Test
  void theSecretIsSharedIffTheCommandUsesIt() {
    LauncherConfig config =
        base()
            .app("with", List.of("prog", "--authKey", "${secret}"), null)
            .app("inside", List.of("prog", "--auth=$secret"), null)
            .app("without", List.of("prog", "--port", "$port"), null)
            .load();

    SessionTemplates.Expansion with = expand(config, "with", body());
    assertTrue(with.secretShared());
    assertEquals(List.of("prog", "--authKey", SECRET), with.argv());
    assertTrue(expand(config, "inside", body()).secretShared());
    SessionTemplates.Expansion without = expand(config, "without", body());
    assertFalse(without.secretShared());
    assertEquals(SECRET, without.data().get("secret"));
  }

  @Test
  void aClientSecretIsUsed() {
    LauncherConfig config =
        base().app("viz", List.of("prog", "--authKey", "${secret}"), null).load();

    SessionTemplates.Expansion e = expand(config, "viz", body("secret", "client-chosen-key"));

    assertEquals(List.of("prog", "--authKey", "client-chosen-key"), e.argv());
    assertEquals("client-chosen-key", e.data().get("secret"));
    assertTrue(e.secretShared());
  }

  @Test
  void aSessionKeepsOnlyTheRequestValuesATemplateOrFieldsUse() {
    LauncherConfig config =
        base()
            .fields("shown")
            .app("viz", List.of("prog", "--file", "${file}"), null)
            .sessionData("title", "view of ${name}")
            .load();
    List<Object> junk = new java.util.ArrayList<>();
    for (int i = 0; i < 21_000; i++) {
      junk.add(Map.of());
    }

    SessionTemplates.Expansion e =
        expand(
            config,
            "viz",
            body("file", "cone.vtk", "name", "cone", "shown", 7, "junk", junk, "other", "x"));

    Map<String, Object> data = e.data();
    assertEquals("cone.vtk", data.get("file"));
    assertEquals("cone", data.get("name"));
    assertEquals(7, data.get("shown"));
    assertEquals("viz", data.get("application"));
    assertEquals("view of cone", data.get("title"));
    assertFalse(data.containsKey("junk"), "an unused value is kept: " + data.keySet());
    assertFalse(data.containsKey("other"), "an unused value is kept: " + data.keySet());
  }
}
