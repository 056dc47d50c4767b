package io.sessionlauncher.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.testing.LauncherJson;
import io.sessionlauncher.model.ConfigurationException;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.ProxyFileAccess;
import io.sessionlauncher.model.ResourceRange;
import io.sessionlauncher.model.SanitizeRule;
import io.sessionlauncher.model.ServerSettings;
import io.sessionlauncher.model.Supervision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link ConfigLoader} accepts, and how it names what it refuses. */
class ConfigLoaderTest {
  private final ConfigLoader loader = new ConfigLoader();

  @TempDir Path dir;

  /** A valid configuration with one resource and one app, the base of the refusal tests. */
  private LauncherJson valid() {
    return LauncherJson.in(dir)
        .resource("localhost", 9001, 9003)
        .app("viz", List.of("prog", "--port", "${port}"), "Starting factory");
  }

  private Path write(String text) throws IOException {
    Path file = dir.resolve("launcher.json");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** Loading fails naming the file and exactly that key, and the message says what was expected. */
  private ConfigurationException refused(Path file, String key, String expectation) {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> loader.load(file));
    assertEquals(key, e.key(), e.getMessage());
    assertEquals(file.toString(), e.file());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    if (!key.isEmpty()) {
      assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
    }
    assertTrue(
        e.getMessage().contains(expectation),
        () -> "message should contain <" + expectation + ">: " + e.getMessage());
    return e;
  }

  @Test
  void theBaseConfigurationIsValid() {
    LauncherConfig config = valid().load();

    assertEquals("127.0.0.1", config.configuration().host());
    assertEquals(List.of(new ResourceRange("localhost", 9001, 9003)), config.resources());
    assertEquals(List.of("prog", "--port", "${port}"), Apps.cmd(config.app("viz").orElseThrow()));
  }

  @Test
  void commentsOfEveryKindAreIgnoredButKeptInsideStrings() throws IOException {
    Path file =
        write(
            """
            // a line comment before everything
            /* a block comment
               over two lines, with "quotes", # and // inside */
            {
              # a hash comment
              "configuration": {   // after a brace
                "host": "127.0.0.1", # after a value
                "port": 8080, /* inline block */ "endpoint": "paraview",
                "proxy_file": "proxy#1/mapping.txt",
                "sessionURL": "ws://HOST/proxy?sessionId=${id}&path=ws#frag//kept/*kept*/",
                "timeout": 25,
                "log_dir": "logs",
                "fields": ["#not-a-comment", "// nor this"]
              },
              ## a double hash comment, as VTK's sample writes
              "resources": [ { "host": "localhost", "port_range": [9001, 9001] } ],
              "properties": { "quoted": "say \\"hi\\" # still text // and this" },
              "apps": { "a": { "cmd": ["prog", "--x=#1", "http://example.org/a"] } }
            }
            // a comment at the end, without a line end""");

    LauncherConfig config = loader.load(file);

    ServerSettings c = config.configuration();
    assertEquals("paraview", c.endpoint());
    assertEquals(dir.resolve("proxy#1").resolve("mapping.txt"), c.proxyFile());
    assertEquals("ws://HOST/proxy?sessionId=${id}&path=ws#frag//kept/*kept*/", c.sessionUrl());
    assertEquals(List.of("#not-a-comment", "// nor this"), c.fields());
    assertEquals(Map.of("quoted", "say \"hi\" # still text // and this"), config.properties());
    assertEquals(
        List.of("prog", "--x=#1", "http://example.org/a"), Apps.cmd(config.app("a").orElseThrow()));
  }

  @Test
  void numbersMayBeWrittenAsStrings() {
    LauncherConfig config =
        valid()
            .set("configuration.port", "8080")
            .set("configuration.timeout", "25")
            .set("configuration.stop_grace", "0.5")
            .set("configuration.max_log_size", "1024")
            .set("configuration.keep_ended", "0")
            .remove("resources")
            .set("resources", List.of(Map.of("host", "h", "port_range", List.of("9001", "9002"))))
            .load();

    ServerSettings c = config.configuration();
    assertEquals(8080, c.port());
    assertEquals(Duration.ofSeconds(25), c.timeout());
    assertEquals(
        new Supervision(Duration.ofMillis(500), 1024, Duration.ZERO).withDataDir(c.logDir()),
        c.supervision());
    assertEquals(List.of(new ResourceRange("h", 9001, 9002)), config.resources());
  }

  @Test
  void fractionalTimeoutIsKeptToTheMillisecond() {
    assertEquals(Duration.ofMillis(1500), valid().timeout(1.5).load().configuration().timeout());
  }

  @Test
  void optionalKeysTakeTheirDefaults() {
    LauncherConfig config = valid().load();

    ServerSettings c = config.configuration();
    assertNull(c.content());
    assertNull(c.uploadDir());
    assertTrue(c.sanitize().isEmpty());
    // Without data_dir, sessions are recorded under log_dir: a restart still finds them.
    assertEquals(Supervision.DEFAULTS.withDataDir(c.logDir()), c.supervision());
    assertTrue(config.sessionData().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "configuration",
        "configuration.host",
        "configuration.port",
        "configuration.endpoint",
        "configuration.proxy_file",
        "configuration.sessionURL",
        "configuration.timeout",
        "configuration.log_dir",
        "configuration.fields",
        "resources",
        "properties",
        "apps",
        "apps.viz.cmd"
      })
  void eachMissingRequiredKeyIsNamed(String key) {
    Path file = valid().remove(key).write();

    refused(file, key, "is required");
  }

  @Test
  void aNullValueCountsAsMissing() {
    refused(valid().set("configuration.host", null).write(), "configuration.host", "missing");
  }

  @Test
  void timeoutThatIsNoNumber() {
    refused(
        valid().set("configuration.timeout", "abc").write(),
        "configuration.timeout",
        "expected a number of seconds above 0, found the string \"abc\"");
  }

  @Test
  void timeoutOfZeroOrLess() {
    refused(
        valid().set("configuration.timeout", 0).write(),
        "configuration.timeout",
        "expected a number of seconds above 0");
    refused(valid().set("configuration.timeout", -5).write(), "configuration.timeout", "above 0");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "configuration.timeout",
        "configuration.stop_grace",
        "configuration.keep_ended",
        "configuration.log_retention",
        "configuration.sweep_interval",
        "apps.viz.max_lifetime",
        "apps.viz.idle_timeout"
      })
  void aNegativeDurationIsRefusedWhereverItStands(String key) {
    refused(valid().set(key, -1).write(), key, "found the number -1");
    ConfigurationException e = refused(valid().set(key, "-0.5").write(), key, "expected a number");
    assertTrue(
        e.getMessage()
                .endsWith("expected a number of seconds, 0 or more, found the string \"-0.5\"")
            || e.getMessage()
                .endsWith("expected a number of seconds above 0, found the string \"-0.5\""),
        e.getMessage());
  }

  @Test
  void portOutOfRangeOrFractional() {
    refused(
        valid().set("configuration.port", 70000).write(),
        "configuration.port",
        "expected a whole number from 0 to 65535");
    refused(
        valid().set("configuration.port", "80.5").write(),
        "configuration.port",
        "expected a whole number");
  }

  @Test
  void portRangeWithThreeEntries() {
    Path file =
        valid()
            .set("resources", List.of(Map.of("host", "h", "port_range", List.of(1, 2, 3))))
            .write();

    refused(file, "resources[0].port_range", "expected [first, last]");
  }

  @Test
  void portRangeReversed() {
    Path file = valid().resource("h", 9500, 9001).write();

    refused(file, "resources[1].port_range", "expected first <= last");
  }

  @Test
  void portRangeEntryOutOfRange() {
    Path file =
        valid()
            .set("resources", List.of(Map.of("host", "h", "port_range", List.of(0, 10))))
            .write();

    refused(file, "resources[0].port_range[0]", "expected a whole number from 1 to 65535");
  }

  @Test
  void portRangeNotAnArray() {
    Path file =
        valid().set("resources", List.of(Map.of("host", "h", "port_range", "9001-9003"))).write();

    refused(file, "resources[0].port_range", "expected an array");
  }

  @Test
  void resourceWithoutHost() {
    Path file =
        valid().set("resources", List.of(Map.of("port_range", List.of(9001, 9003)))).write();

    refused(file, "resources[0].host", "is required but missing");
  }

  @Test
  void noResourcesAtAll() {
    refused(valid().set("resources", List.of()).write(), "resources", "at least one");
  }

  @Test
  void fieldsThatAreNotAnArray() {
    refused(
        valid().set("configuration.fields", "host").write(),
        "configuration.fields",
        "expected an array, found the string \"host\"");
  }

  @Test
  void fieldsWithAnObjectInside() {
    refused(
        valid().set("configuration.fields", List.of("host", Map.of())).write(),
        "configuration.fields[1]",
        "expected a string, found an object");
  }

  @Test
  void configurationThatIsNotAnObject() {
    refused(
        valid().set("configuration", List.of()).write(),
        "configuration",
        "expected an object, found an array");
  }

  @Test
  void sessionUrlMustBeAString() {
    refused(
        valid().set("configuration.sessionURL", 5).write(),
        "configuration.sessionURL",
        "expected a string, found the number 5");
  }

  @Test
  void unknownSanitizeType() {
    Path file =
        valid()
            .set(
                "configuration.sanitize.cmd",
                Map.of("type", "blockList", "list", List.of("x"), "default", "d"))
            .write();

    refused(
        file,
        "configuration.sanitize.cmd.type",
        "expected one of [\"inList\", \"regexp\"], found the string \"blockList\"");
  }

  @Test
  void badRegexp() {
    Path file =
        valid()
            .set(
                "configuration.sanitize.file",
                Map.of("type", "regexp", "regexp", "[a-", "default", "d"))
            .write();

    refused(file, "configuration.sanitize.file.regexp", "is not a valid regular expression");
  }

  @Test
  void sanitizeRuleWithoutDefault() {
    Path file =
        valid()
            .set("configuration.sanitize.file", Map.of("type", "inList", "list", List.of("a")))
            .write();

    refused(file, "configuration.sanitize.file.default", "is required but missing");
  }

  @Test
  void sanitizeRulesAreRead() {
    LauncherConfig config =
        valid()
            .set(
                "configuration.sanitize.file",
                Map.of("type", "regexp", "regexp", "[a-z]+", "default", "none"))
            .set(
                "configuration.sanitize.mode",
                Map.of("type", "inList", "list", List.of("a", "b"), "default", "a"))
            .load();

    Map<String, SanitizeRule> rules = config.configuration().sanitize();
    assertEquals(
        "[a-z]+",
        assertInstanceOf(SanitizeRule.Regexp.class, rules.get("file")).pattern().pattern());
    assertEquals(new SanitizeRule.InList(List.of("a", "b"), "a"), rules.get("mode"));
  }

  @Test
  void emptyCmd() {
    refused(
        valid().set("apps.viz.cmd", List.of()).write(),
        "apps.viz.cmd",
        "expected at least the program");
  }

  @Test
  void cmdThatIsAString() {
    refused(
        valid().set("apps.viz.cmd", "prog --port 1").write(), "apps.viz.cmd", "expected an array");
  }

  @Test
  void appThatIsNotAnObject() {
    refused(valid().set("apps.viz", List.of("prog")).write(), "apps.viz", "expected an object");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/paraview", "paraview/", "/paraview/", "paraview"})
  void slashesAroundTheEndpointAreTolerated(String endpoint) {
    assertEquals(
        "paraview",
        valid().set("configuration.endpoint", endpoint).load().configuration().endpoint());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b", "/", "", "a b"})
  void endpointMustBeOneSegment(String endpoint) {
    refused(
        valid().set("configuration.endpoint", endpoint).write(),
        "configuration.endpoint",
        "expected one path segment");
  }

  @Test
  void relativePathsResolveAgainstTheFilesFolder() throws IOException {
    Path etc = dir.resolve("etc");
    Files.createDirectories(etc);
    Path file =
        LauncherJson.in(etc)
            .resource("h", 1, 1)
            .set("configuration.proxy_file", "../run/proxy-mapping.txt")
            .set("configuration.log_dir", "./logs")
            .set("configuration.content", "www")
            .set("configuration.upload_dir", "up/../data")
            .write();

    ServerSettings c = loader.load(file).configuration();

    assertEquals(dir.resolve("run").resolve("proxy-mapping.txt"), c.proxyFile());
    assertEquals(etc.resolve("logs"), c.logDir());
    assertEquals(etc.resolve("www"), c.content());
    assertEquals(etc.resolve("data"), c.uploadDir());
  }

  @Test
  void absolutePathsStayAsTheyAre() {
    ServerSettings c =
        valid()
            .set("configuration.proxy_file", "/var/run/launcher/map.txt")
            .set("configuration.log_dir", "/var/log/launcher")
            .load()
            .configuration();

    assertEquals(Path.of("/var/run/launcher/map.txt"), c.proxyFile());
    assertEquals(Path.of("/var/log/launcher"), c.logDir());
  }

  @Test
  void invalidJsonNamesLineAndColumn() throws IOException {
    Path file =
        write(
            """
            {
              /* a comment over
                 two lines must not shift the position */
              "configuration": {
                "host": "localhost",,
                "port": 8080
              }
            }
            """);

    ConfigurationException e = refused(file, "", "is not valid JSON at line 5, column 25");
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
  }

  @Test
  void trailingCommasAreNotAccepted() throws IOException {
    String json = valid().json();
    assertTrue(json.contains("\"fields\": []\n"), json);
    Path file = write(json.replace("\"fields\": []\n", "\"fields\": [],\n"));

    refused(file, "", "is not valid JSON at line");
  }

  @Test
  void topLevelMustBeAnObject() throws IOException {
    refused(write("[1, 2]"), "", "expected a JSON object at the top, found an array");
  }

  @Test
  void aMissingFileIsNamed() {
    Path file = dir.resolve("nowhere.json");

    refused(file, "", "cannot be read");
  }

  @Test
  void parseWithoutFileNamesTheConfigurationInMemory() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> loader.parse(valid().remove("configuration.timeout").json(), null));

    assertEquals("configuration.timeout", e.key());
    assertNull(e.file());
    assertTrue(e.getMessage().startsWith("launcher configuration: "), e.getMessage());
  }

  @Test
  void theProxyFilesModeAndGroupAreRead() {
    assertEquals(
        ProxyFileAccess.DEFAULTS, valid().load().configuration().proxyAccess(), "by default");
    assertEquals(
        new ProxyFileAccess("rw-r--r--", "www-data"),
        valid()
            .set("configuration.proxy_file_mode", "0644")
            .set("configuration.proxy_file_group", "www-data")
            .load()
            .configuration()
            .proxyAccess());
    assertEquals(
        "rw-rw----",
        valid()
            .set("configuration.proxy_file_mode", "660")
            .load()
            .configuration()
            .proxyAccess()
            .permissions());
  }

  @Test
  void aProxyFileModeThatIsNotOctalIsRefused() {
    refused(
        valid().set("configuration.proxy_file_mode", "0999").write(),
        "configuration.proxy_file_mode",
        "octal digits");
  }

  @Test
  void anUploadFolderInsideTheContentFolderIsRefused() throws IOException {
    Path content = Files.createDirectories(dir.resolve("www"));
    refused(
        valid()
            .set("configuration.content", content.toString())
            .set("configuration.upload_dir", content.resolve("uploads").toString())
            .write(),
        "configuration.upload_dir",
        "outside content");
    Path link = Files.createSymbolicLink(dir.resolve("elsewhere"), content);
    refused(
        valid()
            .set("configuration.content", content.toString())
            .set("configuration.upload_dir", link.resolve("uploads").toString())
            .write(),
        "configuration.upload_dir",
        "outside content");
    assertEquals(
        dir.resolve("uploads"),
        valid()
            .set("configuration.content", content.toString())
            .set("configuration.upload_dir", dir.resolve("uploads").toString())
            .load()
            .configuration()
            .uploadDir());
  }

  @Test
  void theProxysLargestMessageIsReadAndDefaultsTo16MiB() {
    assertEquals(16L * 1024 * 1024, valid().load().configuration().http().proxyMaxMessageBytes());
    assertEquals(
        4096,
        valid()
            .set("configuration.proxy_max_message_size", "4096")
            .load()
            .configuration()
            .http()
            .proxyMaxMessageBytes());
  }

  @Test
  void aProxyLargestMessageBelowOneByteIsRefused() {
    refused(
        valid().set("configuration.proxy_max_message_size", 0).write(),
        "configuration.proxy_max_message_size",
        "expected a number of bytes, 1 or more");
    refused(
        valid().set("configuration.proxy_max_message_size", "many").write(),
        "configuration.proxy_max_message_size",
        "expected a number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"proxy", "/session/"})
  void theProxysPathsAreNoEndpointName(String endpoint) {
    refused(
        valid().set("configuration.endpoint", endpoint).write(),
        "configuration.endpoint",
        "a name other than the launcher's proxy paths 'proxy' and 'session'");
  }
}
