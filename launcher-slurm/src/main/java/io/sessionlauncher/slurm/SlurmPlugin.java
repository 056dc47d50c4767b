package io.sessionlauncher.slurm;

import io.sessionlauncher.spi.InvalidPluginConfigException;
import io.sessionlauncher.spi.InvalidPluginConfigException.Violation;
import io.sessionlauncher.spi.LaunchContext;
import io.sessionlauncher.spi.LauncherPlugin;
import io.sessionlauncher.spi.ProductLauncher;
import io.sessionlauncher.spi.ServerType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plugin {@code slurm.batch}: each session is a Slurm batch job running the configured command
 * on a compute node; the job reports the {@code host:port} it listens on, and the launcher routes
 * the session there.
 *
 * <p>Before anything is submitted, the partition is looked up on the cluster: a partition it does
 * not have, or a time limit above the partition's, is refused naming the field.
 */
public class SlurmPlugin implements LauncherPlugin<SlurmConfig> {

  /** The product's name. */
  public static final String PRODUCT = "slurm";

  /** The mode's name. */
  public static final String MODE = "batch";

  /** The key of the one server a session's job exposes. */
  public static final String MAIN = "main";

  /** Found by {@link java.util.ServiceLoader}, which needs this public constructor. */
  public SlurmPlugin() {}

  @Override
  public String product() {
    return PRODUCT;
  }

  @Override
  public String mode() {
    return MODE;
  }

  @Override
  public Class<SlurmConfig> configType() {
    return SlurmConfig.class;
  }

  /** {@link SlurmConfig#DEFAULTS}: a configuration need only give what it changes. */
  @Override
  public Optional<SlurmConfig> defaultConfig() {
    return Optional.of(SlurmConfig.DEFAULTS);
  }

  @Override
  public Map<String, ServerType> serverSpec() {
    return Map.of(MAIN, ServerType.GENERIC);
  }

  /**
   * A job for one session, not yet submitted.
   *
   * @throws InvalidPluginConfigException naming {@code partition} when the cluster has no such
   *     partition, or {@code time_limit_minutes} when it is above the partition's {@code MaxTime}
   */
  @Override
  public ProductLauncher create(SlurmConfig config, LaunchContext context) {
    Slurm slurm = new Slurm(new SlurmCommands(config.slurmConf()));
    requireFitsPartition(config, slurm);
    return new SlurmJob(config, context, slurm, name());
  }

  /**
   * The job {@code reference} (its id) of a session a previous launcher started, followed again;
   * empty when Slurm no longer runs it. The partition is not checked again: the job exists.
   */
  @Override
  public Optional<ProductLauncher> adopt(
      SlurmConfig config, LaunchContext context, String reference) {
    SlurmJob job =
        new SlurmJob(config, context, new Slurm(new SlurmCommands(config.slurmConf())), name());
    return job.adopt(reference) ? Optional.of(job) : Optional.empty();
  }

  private void requireFitsPartition(SlurmConfig config, Slurm slurm) {
    Optional<Slurm.Partition> partition = slurm.partition(config.partition());
    if (partition.isEmpty()) {
      throw new InvalidPluginConfigException(
          name(),
          List.of(
              new Violation(
                  "partition", "the cluster has no partition '" + config.partition() + "'")));
    }
    partition
        .get()
        .maxMinutes()
        .ifPresent(
            max -> {
              if (config.timeLimitMinutes() > max) {
                throw new InvalidPluginConfigException(
                    name(),
                    List.of(
                        new Violation(
                            "time_limit_minutes",
                            config.timeLimitMinutes()
                                + " is above the MaxTime of partition "
                                + config.partition()
                                + " ("
                                + max
                                + " minutes)")));
              }
            });
  }
}
