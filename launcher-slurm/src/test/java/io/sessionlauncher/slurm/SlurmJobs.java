package io.sessionlauncher.slurm;

import io.sessionlauncher.demo.DemoSession;
import io.sessionlauncher.engine.plugin.ConfigBinder;
import io.sessionlauncher.spi.LaunchContext;
import io.sessionlauncher.spi.ProductLauncher;
import io.sessionlauncher.testing.SlurmCluster;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the plugin's tests share: configurations for the test cluster, bound and checked as the
 * launcher does, and jobs made from them that are stopped at the end of each test.
 */
final class SlurmJobs implements AutoCloseable {
  /** The session ports a test job may take: the range this project's Slurm tests own. */
  static final int FIRST_PORT = 42000;

  static final int LAST_PORT = 42999;

  private final SlurmCluster.Running cluster;
  private final Path folder;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<ProductLauncher> started = new ArrayList<>();
  private final SlurmPlugin plugin = new SlurmPlugin();
  private int count;

  SlurmJobs(SlurmCluster.Running cluster, Path folder) {
    this.cluster = cluster;
    this.folder = folder;
  }

  /** A configuration running the demo session on the test cluster, with {@code more} on top. */
  Map<String, Object> demo(Map<String, Object> more) {
    return config(cluster.demoJobCommand(javaCommand(), demoJar(), FIRST_PORT, LAST_PORT), more);
  }

  /** A configuration running {@code command} on the test cluster, with {@code more} on top. */
  Map<String, Object> config(List<String> command, Map<String, Object> more) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("partition", SlurmCluster.PARTITION);
    values.put("time_limit_minutes", 10);
    values.put("command", command);
    values.put("job_dir", folder.resolve("jobs").toString());
    values.put("slurm_conf", cluster.conf().toString());
    values.put("poll_millis", 200);
    values.putAll(more);
    return values;
  }

  /** The configuration bound and validated as the launcher does. */
  SlurmConfig bind(Map<String, Object> values) {
    return ConfigBinder.withDefaultValidator().bind(plugin, values);
  }

  /** A job of {@code values}, not started; stopped by {@link #close}. */
  SlurmJob create(Map<String, Object> values) {
    count++;
    String name = "test-" + ProcessHandle.current().pid() + "-" + count;
    LaunchContext context =
        new LaunchContext(
            name,
            null,
            folder.resolve(name + ".log"),
            folder,
            Duration.ofSeconds(5),
            1 << 20,
            executor);
    SlurmJob job = (SlurmJob) plugin.create(bind(values), context);
    started.add(job);
    return job;
  }

  SlurmPlugin plugin() {
    return plugin;
  }

  @Override
  public void close() {
    for (ProductLauncher job : started) {
      job.stop(Duration.ofSeconds(1));
    }
    executor.shutdownNow();
  }

  static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static String demoJar() {
    try {
      return Path.of(DemoSession.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
