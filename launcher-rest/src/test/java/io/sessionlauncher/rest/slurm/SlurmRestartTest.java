package io.sessionlauncher.rest.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.rest.testing.ChildLauncher;
import io.sessionlauncher.rest.testing.DemoApp;
import io.sessionlauncher.testing.FreePorts;
import io.sessionlauncher.testing.Http;
import io.sessionlauncher.testing.Http.Answer;
import io.sessionlauncher.testing.LauncherJson;
import io.sessionlauncher.testing.SlurmCluster;
import io.sessionlauncher.testing.WebSocketClient;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A launcher killed with SIGKILL while its session runs as a Slurm job, and started again: it
 * adopts the job by its id (recorded with the session), routes to it again, and cancels it on
 * DELETE. The launcher runs in a child JVM so that it can really be killed.
 */
@ExtendWith(SlurmCluster.class)
class SlurmRestartTest {
  @TempDir Path folder;
  private final SlurmCluster.Running cluster;
  private final Http http = new Http();
  private final List<ChildLauncher> launchers = new ArrayList<>();

  SlurmRestartTest(SlurmCluster.Running cluster) {
    this.cluster = cluster;
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (ChildLauncher launcher : launchers) {
      launcher.close();
    }
    cluster.cancelAll();
  }

  @Test
  void aKilledLauncherAdoptsItsRunningJobWhenStartedAgain() throws Exception {
    LauncherJson json = configuration();
    Path config = json.write();
    ChildLauncher first = start(config, "first");
    Answer created = http.post(first.base().resolve("paraview/"), "{\"application\": \"job\"}");
    assertEquals(200, created.status(), () -> created.body() + logs(json));
    JsonObject session = created.json();
    String id = session.getString("id");
    URI sessionUrl = URI.create(session.getString("sessionURL"));
    String job = jobOf(http.get(first.base().resolve("paraview/" + id)).json());

    first.kill();
    assertTrue(cluster.liveJobs().contains(job), "the job outlives its launcher");

    ChildLauncher second = start(config, "second");
    Answer adopted = http.get(second.base().resolve("paraview/" + id));
    assertEquals(200, adopted.status(), adopted.body());
    assertEquals("ready", adopted.json().getString("state"));
    assertEquals(sessionUrl.toString(), adopted.json().getString("sessionURL"));
    assertEquals(
        "Slurm job " + job + " RUNNING on " + SlurmCluster.NODE,
        adopted.json().getString("status"));
    assertEquals(
        id + " 127.0.0.1:" + sessionUrl.getPort() + "\n", Files.readString(json.proxyFile()));
    assertEquals("still here", new WebSocketClient().echo(sessionUrl, "still here"));

    Answer deleted = http.delete(second.base().resolve("paraview/" + id));
    assertEquals(200, deleted.status(), deleted.body());
    assertFalse(cluster.liveJobs().contains(job), "DELETE cancelled the adopted job");
    assertEquals("", Files.readString(json.proxyFile()));
  }

  private ChildLauncher start(Path config, String name) throws Exception {
    ChildLauncher launcher = ChildLauncher.start(config, folder, name);
    launchers.add(launcher);
    return launcher;
  }

  private LauncherJson configuration() {
    int first = FreePorts.range(2);
    Map<String, Object> slurm = new LinkedHashMap<>();
    slurm.put("partition", SlurmCluster.PARTITION);
    slurm.put("time_limit_minutes", 10);
    slurm.put("command", cluster.demoJobCommand(DemoApp.java(), DemoApp.jar(), 42000, 42999));
    slurm.put("job_dir", folder.resolve("jobs").toString());
    slurm.put("slurm_conf", cluster.conf().toString());
    slurm.put("poll_millis", 200);
    return DemoApp.configuration(folder, first, first + 1)
        .set("configuration.data_dir", folder.resolve("data").toString())
        .set("configuration.on_restart", "adopt")
        .app("job", Map.of("product", "slurm", "mode", "batch", "config", slurm));
  }

  private String logs(LauncherJson json) {
    StringBuilder text = new StringBuilder();
    for (Path dir : List.of(json.logDir(), folder)) {
      try (var files = Files.walk(dir)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          if (file.toString().endsWith(".txt")
              || file.toString().endsWith(".log")
              || file.toString().endsWith(".out")) {
            text.append("\n--- ").append(file).append('\n').append(Files.readString(file));
          }
        }
      } catch (java.io.IOException e) {
        text.append(e);
      }
    }
    return text.toString();
  }

  private static String jobOf(JsonObject session) {
    Matcher job = Pattern.compile("Slurm job ([0-9]+) .*").matcher(session.getString("status"));
    assertTrue(job.matches(), session.toString());
    return job.group(1);
  }
}
