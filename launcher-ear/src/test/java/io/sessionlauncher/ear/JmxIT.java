package io.sessionlauncher.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Waits;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The launcher's MBean through Liberty's REST connector, as jconsole reaches a server remotely: the
 * JMX client of the runtime ({@code wlp/clients/restConnector.jar}), HTTPS and a server
 * administrator, none of the launcher's classes. The connector and its administrator are turned on
 * for this class only, by the product's Admin Center drop-in ({@code
 * admin-center/admin-center.xml}) with the administrator's credentials in a second drop-in, as an
 * operator does; the launcher itself stays anonymous meanwhile (the connector brings no application
 * security).
 */
class JmxIT {
  /** The product's drop-in that turns on Admin Center and its REST connector. */
  private static final String SHIPPED_DROPIN = "admin-center/admin-center.xml";

  private static final String DROPIN = "admin-center.xml";
  private static final String CREDENTIALS = "jmx-operator.xml";
  private static final String PASSWORD = "jmx-operator-test-password";
  private static final String ADDED = "jmx-added";
  private static ObjectName name;
  private static JMXConnector connector;
  private static MBeanServerConnection jmx;

  private final Http client = new Http(LibertyServer.base());

  @BeforeAll
  static void connectThroughTheRestConnector() throws Exception {
    name = new ObjectName("io.sessionlauncher:type=SessionLauncher");
    ConfigDropins.apply(
        () -> {
          ConfigDropins.add(
              CREDENTIALS,
              """
              <server>
                <variable name="adminCenter.user" value="operator"/>
                <variable name="adminCenter.password" value="%s"/>
              </server>
              """
                  .formatted(PASSWORD));
          ConfigDropins.copy(SHIPPED_DROPIN, DROPIN);
        });
    LibertyServer.awaitLauncher();
    connector =
        Waits.value(
            "the REST connector to take the administrator", Duration.ofMinutes(2), JmxIT::connect);
    jmx = connector.getMBeanServerConnection();
  }

  // The connector is the REST one (JSON over HTTPS) to the test's own server on this machine, not
  // an RMI lookup of a name from elsewhere.
  @SuppressWarnings("BanJNDI")
  private static Optional<JMXConnector> connect() {
    Map<String, Object> env = new HashMap<>();
    env.put("jmx.remote.protocol.provider.pkgs", "com.ibm.ws.jmx.connector.client");
    env.put(JMXConnector.CREDENTIALS, new String[] {"operator", PASSWORD});
    try {
      env.put(
          "com.ibm.ws.jmx.connector.client.CUSTOM_SSLSOCKETFACTORY",
          LibertyTls.context().getSocketFactory());
      URI https = LibertyTls.base();
      JMXConnector connection =
          JMXConnectorFactory.connect(
              new JMXServiceURL("REST", https.getHost(), https.getPort(), "/IBMJMXConnectorREST"),
              env);
      connection.getMBeanServerConnection().getMBeanCount();
      return Optional.of(connection);
    } catch (IOException | SecurityException | java.security.GeneralSecurityException e) {
      return Optional.empty(); // the feature or the registry is not there yet
    }
  }

  @AfterAll
  static void turnTheConnectorOff() throws Exception {
    if (connector != null) {
      connector.close();
    }
    ConfigDropins.apply(
        () -> {
          ConfigDropins.remove(DROPIN);
          ConfigDropins.remove(CREDENTIALS);
        });
    LibertyServer.awaitLauncher();
    assertTrue(connect().map(JmxIT::closed).isEmpty(), "the REST connector is off again");
  }

  private static JMXConnector closed(JMXConnector connection) {
    try {
      connection.close();
    } catch (IOException e) {
      // closing a connection of a test: nothing to do
    }
    return connection;
  }

  @Test
  void attributesAndTheListShowALaunchedSession() throws Exception {
    long startsBefore = (Long) jmx.getAttribute(name, "Starts");
    String id = launch();
    try {
      int live = (Integer) jmx.getAttribute(name, "LiveSessions");
      assertTrue(live >= 1, "live sessions: " + live);
      assertEquals(100, jmx.getAttribute(name, "TotalResources"));
      assertEquals(100 - live, jmx.getAttribute(name, "FreeResources"));
      assertEquals(startsBefore + 1, jmx.getAttribute(name, "Starts"));
      CompositeData session =
          Arrays.stream(sessions())
              .filter(row -> id.equals(row.get("id")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("not listed: " + id));
      assertEquals("demo", session.get("application"));
      assertEquals("anonymous", session.get("owner"));
      assertEquals("ready", session.get("state"));
      assertTrue(((String) session.get("resource")).startsWith("127.0.0.1:"));
    } finally {
      client.delete("paraview/" + id);
    }
  }

  @Test
  void stopSessionEndsItsProcessTreeAndIsAudited() throws Exception {
    Http.Answer created = client.post("paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, created.status(), created.body());
    String id = created.json().getString("id");
    int port = URI.create(created.json().getString("sessionURL")).getPort();

    assertEquals("ended", invoke("stopSession", id));

    assertTrue(Processes.awaitNoDemoOnPort(port, Duration.ofSeconds(10)).isEmpty());
    assertFalse(Files.readString(LibertyServer.proxyFile()).contains(id));
    Http.Answer shown = client.get("paraview/" + id);
    assertEquals("ended", shown.json().getString("state"), shown.body());
    assertEquals("stopped", shown.json().getString("endCause"), shown.body());
    String trail = Files.readString(LibertyServer.serverDir().resolve("logs/sessions/audit.jsonl"));
    assertTrue(
        trail.lines().anyMatch(line -> line.contains(id) && line.contains("\"user\":\"jmx\"")),
        trail);
    assertEquals("unknown", invoke("stopSession", "3b241101-e2bb-4255-8caf-4136c566a962"));
  }

  @Test
  void stopAllSessionsLeavesNoneAndAnEmptyProxyFile() throws Exception {
    List<String> ids = List.of(launch(), launch());
    assertEquals(2, invoke("stopAllSessions"));
    assertEquals(0, jmx.getAttribute(name, "LiveSessions"));
    assertEquals(0, sessions().length);
    assertEquals("", Files.readString(LibertyServer.proxyFile()));
    for (String id : ids) {
      assertEquals("ended", client.get("paraview/" + id).json().getString("state"));
    }
  }

  /**
   * A redeployed launcher's MBean is the new deployment's (its counts start again), registered
   * after the old one was unregistered rather than over a stale one.
   */
  @Test
  void aRedeployRegistersTheNewDeploymentsMBean() throws Exception {
    client.delete("paraview/" + launch());
    assertTrue((Long) jmx.getAttribute(name, "Starts") >= 1);

    Path ear = LibertyServer.serverDir().resolve("apps/launcher-ear.ear");
    Files.setLastModifiedTime(ear, FileTime.from(Instant.now()));
    Waits.until(
        "the redeployed launcher's MBean, its count of starts back at 0",
        Duration.ofMinutes(2),
        Duration.ofMillis(200),
        () -> {
          try {
            return Long.valueOf(0).equals(jmx.getAttribute(name, "Starts"));
          } catch (javax.management.InstanceNotFoundException e) {
            return false; // between the old deployment's end and the new one's start
          }
        });
    LibertyServer.awaitLauncher();
    assertEquals(1, jmx.queryNames(new ObjectName("io.sessionlauncher:*"), null).size());
    assertFalse(
        LibertyServer.messagesLog().contains("Replacing a stale"),
        "the old deployment unregistered its MBean");
  }

  /**
   * The MBean's reload puts a changed {@code launcher.json} in force and refuses a wrong one naming
   * file and key; the admin endpoint on Liberty's RESTEasy does the same. The shipped file is put
   * back and reloaded at the end, so other tests see it unchanged.
   */
  @Test
  void reloadConfigurationPutsTheFileInForceOrRefusesItNamingTheKey() throws Exception {
    Path file = LibertyServer.serverDir().resolve("launcher.json");
    String shipped = Files.readString(file);
    try {
      Files.writeString(
          file, withApplication(shipped, ADDED).replace("\"timeout\": 25", "\"timeout\": 26"));
      String summary = (String) invoke("reloadConfiguration");
      assertTrue(summary.startsWith("applications added [" + ADDED + "], removed []"), summary);
      Http.Answer added = client.post("paraview/", "{\"application\": \"" + ADDED + "\"}");
      assertEquals(200, added.status(), added.body());
      client.delete("paraview/" + added.json().getString("id"));

      Files.writeString(file, shipped.replace("\"timeout\": 25", "\"timeout\": \"soon\""));
      String refusal = refusalOf(() -> invoke("reloadConfiguration"));
      assertTrue(refusal.contains(file.toString()), refusal);
      assertTrue(refusal.contains("'configuration.timeout'"), refusal);
      assertTrue(refusal.contains("the running one stays"), refusal);
      Http.Answer still = client.post("paraview/", "{\"application\": \"" + ADDED + "\"}");
      assertEquals(200, still.status(), "the reloaded app is still in force: " + still.body());
      client.delete("paraview/" + still.json().getString("id"));
      String trail =
          Files.readString(LibertyServer.serverDir().resolve("logs/sessions/audit.jsonl"));
      assertTrue(
          trail.lines().anyMatch(line -> line.contains("\"action\":\"reload\",\"user\":\"jmx\"")),
          trail);
    } finally {
      Files.writeString(file, shipped);
    }
    Http.Answer restored = client.post("admin/reload", "{}");
    assertEquals(200, restored.status(), restored.body());
    assertEquals(ADDED, restored.json().getJsonArray("removed").getString(0), restored.body());
    assertEquals(400, client.post("paraview/", "{\"application\": \"" + ADDED + "\"}").status());
  }

  /**
   * An application added by the MBean's reload gets the start-duration histogram of the shipped
   * ones: the same help text and configured buckets, so the exposition stays valid. The reload runs
   * on a JMX thread, which has none of the application's context; the metric must be registered in
   * the application's all the same.
   */
  @Test
  void anApplicationAddedThroughJmxHasTheStartDurationHistogramOfTheOthers() throws Exception {
    Path file = LibertyServer.serverDir().resolve("launcher.json");
    String shipped = Files.readString(file);
    String application = "jmx-metrics";
    try {
      Files.writeString(file, withApplication(shipped, application));
      String summary = (String) invoke("reloadConfiguration");
      assertTrue(summary.startsWith("applications added [" + application + "]"), summary);
      Http.Answer added = client.post("paraview/", "{\"application\": \"" + application + "\"}");
      assertEquals(200, added.status(), added.body());
      assertEquals(200, client.delete("paraview/" + added.json().getString("id")).status());
      // Stopped through JMX: the end's counters are registered on a JMX thread too.
      String stopped = launch();
      assertEquals("ended", invoke("stopSession", stopped));

      String text = client.get("metrics?scope=application").body();
      Promtool.Check check = Promtool.checkMetrics(text);
      assertEquals(0, check.exitCode(), check.output() + "\n" + text);
      assertEquals(
          MetricsIT.CONFIGURED_BUCKETS,
          PrometheusText.startDurationBuckets(text, application, "ready"),
          text);
      assertEquals(
          MetricsIT.CONFIGURED_BUCKETS, PrometheusText.startDurationBuckets(text, "demo", "ready"));
      assertTrue(
          text.contains("# HELP sessionlauncher_start_duration_seconds Time from a launch"), text);
    } finally {
      Files.writeString(file, shipped);
      Http.Answer restored = client.post("admin/reload", "{}");
      assertEquals(200, restored.status(), restored.body());
    }
  }

  /** {@code launcher.json} with one more application: the demo's program under another name. */
  private static String withApplication(String launcherJson, String application) {
    return launcherJson.replaceFirst(
        "\"apps\": \\{",
        "\"apps\": { \""
            + application
            + "\": { \"cmd\": [\"\\${java}\", \"-jar\", \"\\${demo_jar}\", \"--host\","
            + " \"\\${host}\", \"--port\", \"\\${port}\"], \"ready_line\": \"Starting factory\" },");
  }

  /** The message of what a JMX call threw, whatever the connector wrapped it in. */
  private static String refusalOf(org.junit.jupiter.api.function.Executable call) {
    Throwable thrown = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, call);
    StringBuilder messages = new StringBuilder();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      messages.append(t).append('\n');
    }
    return messages.toString();
  }

  private String launch() {
    Http.Answer created = client.post("paraview/", "{\"application\": \"demo\"}");
    assertEquals(200, created.status(), created.body());
    return created.json().getString("id");
  }

  private CompositeData[] sessions() throws Exception {
    return (CompositeData[]) jmx.invoke(name, "listSessions", null, null);
  }

  private Object invoke(String operation, String... arguments) throws Exception {
    String[] signature = new String[arguments.length];
    Arrays.fill(signature, String.class.getName());
    return jmx.invoke(name, operation, arguments, signature);
  }
}
