package io.sessionlauncher.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.spi.InvalidPluginConfigException;
import io.sessionlauncher.spi.InvalidPluginConfigException.Violation;
import io.sessionlauncher.testing.SlurmCluster;
import io.sessionlauncher.testing.Waits;
import io.sessionlauncher.testing.WebSocketClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The plugin's jobs on a real one-node Slurm cluster, running the demo session. */
@ExtendWith(SlurmCluster.class)
class SlurmJobTest {
  private static final Duration LIMIT = Duration.ofSeconds(60);

  private final SlurmCluster.Running cluster;
  private SlurmJobs jobs;

  SlurmJobTest(SlurmCluster.Running cluster) {
    this.cluster = cluster;
  }

  @BeforeEach
  void jobs(@TempDir Path folder) {
    jobs = new SlurmJobs(cluster, folder);
  }

  @AfterEach
  void cleanUp() {
    jobs.close();
    cluster.cancelAll();
  }

  @Test
  void runsTheDemoSessionAsAJobAndCancelsItOnStop() throws Exception {
    SlurmJob job = jobs.create(jobs.demo(Map.of()));
    long submitted = System.nanoTime();
    job.start();
    String id = job.jobId().orElseThrow();
    job.whenReady().orElseThrow().toCompletableFuture().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    long ready = System.nanoTime();
    HostPort address = job.address().orElseThrow();
    assertEquals("127.0.0.1", address.host());
    assertTrue(address.port() >= SlurmJobs.FIRST_PORT && address.port() <= SlurmJobs.LAST_PORT);
    assertEquals(Map.of("main", address.toString()), job.urls());
    assertEquals(
        "Slurm job " + id + " RUNNING on " + SlurmCluster.NODE, job.status().orElseThrow());
    assertEquals(
        "through Slurm",
        new WebSocketClient().echo(URI.create("ws://" + address + "/ws"), "through Slurm"));

    long stopping = System.nanoTime();
    job.stop(Duration.ofSeconds(5));
    long stopped = System.nanoTime();
    assertFalse(cluster.liveJobs().contains(id), "the job has left the queue");
    assertTrue(job.onExit().orElseThrow().toCompletableFuture().isDone());
    assertFalse(job.check(Duration.ofSeconds(1)));
    System.out.printf(
        "[launcher-slurm] job %s: submit to ready %d ms, stop to gone %d ms%n",
        id,
        TimeUnit.NANOSECONDS.toMillis(ready - submitted),
        TimeUnit.NANOSECONDS.toMillis(stopped - stopping));
  }

  @Test
  void aJobThatFailsEndsWithItsStateAndExitCode() throws Exception {
    SlurmJob job =
        jobs.create(jobs.config(List.of("/bin/sh", "-c", "echo going down; exit 3"), Map.of()));
    job.start();
    Integer code =
        job.onExit().orElseThrow().toCompletableFuture().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    assertEquals(3, code);
    assertEquals(
        "Slurm job " + job.jobId().orElseThrow() + " FAILED, exit code 3",
        job.status().orElseThrow());
    assertFalse(job.whenReady().orElseThrow().toCompletableFuture().isDone());
    assertTrue(job.outputTail().contains("going down"), job.outputTail());
  }

  @Test
  void withTheNodeFullASecondJobWaitsPendingThenGetsReady() throws Exception {
    Map<String, Object> wholeNode = Map.of("cpus_per_task", SlurmCluster.CPUS);
    SlurmJob first = jobs.create(jobs.demo(wholeNode));
    first.start();
    first.whenReady().orElseThrow().toCompletableFuture().get(LIMIT.toSeconds(), TimeUnit.SECONDS);

    SlurmJob second = jobs.create(jobs.demo(wholeNode));
    List<String> told = new CopyOnWriteArrayList<>();
    second.onStatusChange(told::add);
    second.start();
    String secondId = second.jobId().orElseThrow();
    Waits.until(
        () -> "job " + secondId + " pending for resources, its status: " + second.status(),
        LIMIT,
        Duration.ofMillis(100),
        () ->
            second.status().orElseThrow().equals("Slurm job " + secondId + " PENDING (Resources)"));
    assertEquals("PENDING (Resources)", cluster.state(secondId));
    assertTrue(second.urls().isEmpty());

    first.stop(Duration.ofSeconds(5));
    second.whenReady().orElseThrow().toCompletableFuture().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    assertEquals(
        "Slurm job " + secondId + " RUNNING on " + SlurmCluster.NODE,
        second.status().orElseThrow());
  }

  @Test
  void anUnknownPartitionIsRefusedNamingTheFieldAndNothingIsSubmitted() {
    List<String> before = cluster.liveJobs();
    InvalidPluginConfigException refused =
        assertThrows(
            InvalidPluginConfigException.class,
            () -> jobs.create(jobs.demo(Map.of("partition", "nosuchpartition"))));
    assertEquals(
        List.of(new Violation("partition", "the cluster has no partition 'nosuchpartition'")),
        refused.violations());
    assertEquals(before, cluster.liveJobs());
  }

  @Test
  void aTimeLimitAboveThePartitionsIsRefusedNamingTheField() {
    InvalidPluginConfigException refused =
        assertThrows(
            InvalidPluginConfigException.class,
            () ->
                jobs.create(jobs.demo(Map.of("time_limit_minutes", SlurmCluster.MAX_MINUTES + 1))));
    assertEquals(
        List.of(
            new Violation(
                "time_limit_minutes",
                (SlurmCluster.MAX_MINUTES + 1)
                    + " is above the MaxTime of partition "
                    + SlurmCluster.PARTITION
                    + " ("
                    + SlurmCluster.MAX_MINUTES
                    + " minutes)")),
        refused.violations());
    assertTrue(cluster.liveJobs().isEmpty());
  }

  @Test
  void aDisallowedSbatchOptionIsRefusedNamingTheField() {
    InvalidPluginConfigException refused =
        assertThrows(
            InvalidPluginConfigException.class,
            () -> jobs.create(jobs.demo(Map.of("sbatch_options", Map.of("uid", "0")))));
    assertEquals(1, refused.violations().size(), refused.getMessage());
    assertEquals("sbatch_options", refused.violations().get(0).field());
    assertTrue(
        refused.violations().get(0).problem().startsWith("option 'uid' is not allowed"),
        refused.getMessage());
    assertTrue(cluster.liveJobs().isEmpty());
  }
}
