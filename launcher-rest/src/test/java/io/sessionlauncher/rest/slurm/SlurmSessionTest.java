package io.sessionlauncher.rest.slurm;

import static io.sessionlauncher.testing.JsonErrors.assertJsonError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.rest.testing.DemoApp;
import io.sessionlauncher.rest.testing.InProcessLauncher;
import io.sessionlauncher.testing.FreePorts;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Http.Answer;
import io.sessionlauncher.testing.LauncherJson;
import io.sessionlauncher.testing.SlurmCluster;
import io.sessionlauncher.testing.SseStream;
import io.sessionlauncher.testing.Waits;
import io.sessionlauncher.testing.WebSocketClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions as Slurm jobs through the REST interface, on a real one-node Slurm cluster: the demo
 * session runs as the job, on a port it picks on the node, and the launcher routes to it.
 */
@ExtendWith(SlurmCluster.class)
class SlurmSessionTest {
  private static final int FIRST_JOB_PORT = 42000;
  private static final int LAST_JOB_PORT = 42999;
  private static final Pattern JOB = Pattern.compile("Slurm job ([0-9]+) .*");
  private static final Duration LIMIT = Duration.ofSeconds(60);

  @TempDir static Path folder;
  private static SlurmCluster.Running cluster;
  private static LauncherJson json;
  private static InProcessLauncher launcher;

  private final Http http = new Http();

  @BeforeAll
  static void startLauncher(SlurmCluster.Running running) {
    cluster = running;
    int first = FreePorts.range(4);
    List<String> demo =
        cluster.demoJobCommand(DemoApp.java(), DemoApp.jar(), FIRST_JOB_PORT, LAST_JOB_PORT);
    json =
        DemoApp.configuration(folder, first, first + 3)
            .timeout(15)
            .app("slurm-demo", slurm(demo, Map.of()))
            .app("slurm-whole-node", slurm(demo, Map.of("cpus_per_task", SlurmCluster.CPUS)))
            .app(
                "slurm-crash", slurm(List.of("/bin/sh", "-c", "echo going down; exit 3"), Map.of()))
            .app("slurm-no-partition", slurm(demo, Map.of("partition", "nosuchpartition")));
    launcher = InProcessLauncher.start(json.write());
  }

  private static Map<String, Object> slurm(List<String> command, Map<String, Object> more) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("partition", SlurmCluster.PARTITION);
    config.put("time_limit_minutes", 10);
    config.put("command", command);
    config.put("job_dir", folder.resolve("jobs").toString());
    config.put("slurm_conf", cluster.conf().toString());
    config.put("poll_millis", 200);
    config.putAll(more);
    return Map.of("product", "slurm", "mode", "batch", "config", config);
  }

  @AfterAll
  static void stopLauncher() {
    if (launcher != null) {
      launcher.close();
    }
  }

  @AfterEach
  void endSessions() {
    launcher.stopAllSessions();
    cluster.cancelAll();
  }

  private URI endpoint(String rest) {
    return launcher.uri("/paraview/" + rest);
  }

  @Test
  void theDemoSessionRunsAsAJobEchoesThroughItsAddressAndDeleteCancelsIt() throws Exception {
    long posted = System.nanoTime();
    Answer created = http.post(endpoint(""), "{\"application\": \"slurm-demo\"}");
    long ready = System.nanoTime();
    assertEquals(200, created.status(), created.body());
    JsonObject session = created.json();
    String id = session.getString("id");
    int port = session.getInt("port");
    assertTrue(port >= FIRST_JOB_PORT && port <= LAST_JOB_PORT, "the job's own port: " + port);
    assertEquals("ws://127.0.0.1:" + port + "/ws", session.getString("sessionURL"));
    assertEquals(id + " 127.0.0.1:" + port + "\n", Files.readString(json.proxyFile()));

    JsonObject shown = http.get(endpoint(id)).json();
    assertEquals("ready", shown.getString("state"));
    String job = jobOf(shown.getString("status"));
    assertEquals(
        "Slurm job " + job + " RUNNING on " + SlurmCluster.NODE, shown.getString("status"));
    assertTrue(cluster.liveJobs().contains(job));
    assertEquals(
        "through the launcher",
        new WebSocketClient()
            .echo(URI.create(session.getString("sessionURL")), "through the launcher"));
    // The launcher's own proxy routes to the job's address too, not to a port of the pool.
    Answer proxied = http.get(launcher.uri("/session/" + id + "/anything"));
    assertEquals(200, proxied.status(), proxied.body());
    assertEquals("demo session on port " + port, proxied.body().strip());

    long deleting = System.nanoTime();
    Answer deleted = http.delete(endpoint(id));
    long gone = System.nanoTime();
    assertEquals(200, deleted.status(), deleted.body());
    assertEquals("ended", deleted.json().getString("state"));
    assertEquals("stopped", deleted.json().getString("endCause"));
    assertFalse(cluster.liveJobs().contains(job), "the job has left the queue");
    assertEquals("", Files.readString(json.proxyFile()));
    System.out.printf(
        "[launcher-slurm] REST: job %s POST to ready %d ms, DELETE to gone from squeue %d ms%n",
        job,
        TimeUnit.NANOSECONDS.toMillis(ready - posted),
        TimeUnit.NANOSECONDS.toMillis(gone - deleting));
  }

  @Test
  void aJobThatFailsIsA503WithItsStateAndExitCode() {
    Answer failed = http.post(endpoint(""), "{\"application\": \"slurm-crash\"}");
    assertEquals(503, failed.status(), failed.body());
    String message = failed.json().getString("error");
    Matcher job =
        Pattern.compile(
                "Session process exited with code 3 before it was ready\\. Status: Slurm job"
                    + " ([0-9]+) FAILED, exit code 3\\.")
            .matcher(message);
    assertTrue(job.matches(), message);
    assertFalse(cluster.liveJobs().contains(job.group(1)));
  }

  @Test
  void withTheNodeFullASessionWaitsPendingWithItsReasonThenGetsReady() throws Exception {
    Answer first = http.post(endpoint(""), "{\"application\": \"slurm-whole-node\"}");
    assertEquals(200, first.status(), first.body());

    Answer accepted =
        http.send(
            Http.request(endpoint(""))
                .header("Content-Type", "application/json")
                .header("Prefer", "respond-async")
                .POST(
                    HttpRequest.BodyPublishers.ofString("{\"application\": \"slurm-whole-node\"}"))
                .build());
    assertEquals(202, accepted.status(), accepted.body());
    String second = accepted.json().getString("id");
    Waits.until(
        () -> "session " + second + " pending for resources: " + http.get(endpoint(second)).body(),
        LIMIT,
        Duration.ofMillis(100),
        () ->
            http.get(endpoint(second))
                .json()
                .getString("status", "")
                .endsWith(" PENDING (Resources)"));
    JsonObject pending = http.get(endpoint(second)).json();
    assertEquals("starting", pending.getString("state"));
    String job = jobOf(pending.getString("status"));
    assertEquals("PENDING (Resources)", cluster.state(job));

    List<SseStream.Event> events = new ArrayList<>();
    try (SseStream stream = SseStream.open(endpoint(second + "/events"))) {
      SseStream.Event opened = stream.next(LIMIT).orElseThrow();
      assertEquals("state", opened.name());
      assertEquals("Slurm job " + job + " PENDING (Resources)", data(opened).getString("status"));

      assertEquals(200, http.delete(endpoint(first.json().getString("id"))).status());
      while (events.isEmpty() || !events.get(events.size() - 1).name().equals("state")) {
        events.add(stream.next(LIMIT).orElseThrow(() -> new AssertionError("closed: " + events)));
      }
    }
    // The job's start is told while the session still starts, then the session is ready.
    List<SseStream.Event> progress = events.subList(0, events.size() - 1);
    assertTrue(
        progress.stream()
            .allMatch(
                event ->
                    event.name().equals("progress")
                        && data(event).getString("state").equals("starting")),
        events.toString());
    assertEquals(
        "Slurm job " + job + " RUNNING on " + SlurmCluster.NODE,
        data(progress.get(progress.size() - 1)).getString("status"),
        events.toString());
    assertEquals("ready", data(events.get(events.size() - 1)).getString("state"));
    JsonObject ready = http.get(endpoint(second)).json();
    assertEquals("ready", ready.getString("state"));
    assertEquals("ok", new WebSocketClient().echo(URI.create(ready.getString("sessionURL")), "ok"));
  }

  @Test
  void aJobStillPendingAtTheTimeoutIsCancelledAndA503NamesTheReason() {
    Answer first = http.post(endpoint(""), "{\"application\": \"slurm-whole-node\"}");
    assertEquals(200, first.status(), first.body());

    Answer timedOut = http.post(endpoint(""), "{\"application\": \"slurm-whole-node\"}");
    assertEquals(503, timedOut.status(), timedOut.body());
    String message = timedOut.json().getString("error");
    Matcher job =
        Pattern.compile(
                Pattern.quote("Session did not start before timeout expired. Check session logs.")
                    + " Status: Slurm job ([0-9]+) PENDING \\(Resources\\)\\.")
            .matcher(message);
    assertTrue(job.matches(), message);
    assertFalse(cluster.liveJobs().contains(job.group(1)), "the pending job is cancelled");
    assertEquals(1, cluster.liveJobs().size(), "the first job runs on: " + cluster.liveJobs());
  }

  @Test
  void anUnknownPartitionIsA400NamingTheFieldAndNothingIsSubmitted() {
    assertJsonError(
        http.post(endpoint(""), "{\"application\": \"slurm-no-partition\"}"),
        400,
        "Invalid configuration for slurm.batch: partition: the cluster has no partition"
            + " 'nosuchpartition'");
    assertEquals(List.of(), cluster.liveJobs());
  }

  private static JsonObject data(SseStream.Event event) {
    return Json.createReader(new StringReader(event.data())).readObject();
  }

  private static String jobOf(String status) {
    Matcher job = JOB.matcher(status);
    assertTrue(job.matches(), status);
    return job.group(1);
  }
}
