package io.sessionlauncher.slurm;

import io.sessionlauncher.spi.Description;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a session is submitted as a Slurm batch job: the resources it asks for, what it runs on the
 * node, and where the job reports the address it listens on.
 *
 * <p>Every value that reaches {@code sbatch} is checked here, so that a configuration cannot slip
 * an option of its own into the command line: names and values are restricted to what Slurm accepts
 * for them, and extra options must be on {@link SbatchOptions#ALLOWED}.
 *
 * @param partition the partition ({@code --partition})
 * @param account the account charged ({@code --account}), or {@code null} for the user's default
 * @param qos the quality of service ({@code --qos}), or {@code null}
 * @param timeLimitMinutes the job's time limit ({@code --time}); no more than the partition's
 * @param nodes nodes ({@code --nodes})
 * @param tasks tasks ({@code --ntasks})
 * @param cpusPerTask CPUs per task ({@code --cpus-per-task})
 * @param memory memory per node ({@code --mem}, e.g. {@code 4G}), or {@code null}
 * @param gres generic resources such as GPUs ({@code --gres}, e.g. {@code gpu:1}), or {@code null}
 * @param sbatchOptions further {@code sbatch} options by long name without dashes, each on {@link
 *     SbatchOptions#ALLOWED}
 * @param command the program and its arguments run on the node (no shell)
 * @param jobDir folder on a file system the launcher and the nodes share; each session's job runs
 *     in {@code <jobDir>/<session id>/}
 * @param addressFile name of the file, in the job's folder, the job writes {@code host:port} to
 *     once it listens
 * @param pollMillis how often the job's state is read from the queue
 * @param slurmConf the cluster's {@code slurm.conf} ({@code SLURM_CONF} of the Slurm commands), or
 *     {@code null} for Slurm's default
 */
public record SlurmConfig(
    @Description("Slurm partition the job is submitted to (sbatch --partition)")
        @NotBlank
        @Pattern(
            regexp = SbatchOptions.NAME,
            message = "must be a Slurm name (letters, digits, _.-)")
        String partition,
    @Description("Account charged for the job (sbatch --account); the user's default when absent")
        @Pattern(
            regexp = SbatchOptions.NAME,
            message = "must be a Slurm name (letters, digits, _.-)")
        String account,
    @Description("Quality of service (sbatch --qos); the default when absent")
        @Pattern(
            regexp = SbatchOptions.NAME,
            message = "must be a Slurm name (letters, digits, _.-)")
        String qos,
    @Description(
            "Time limit of the job in minutes (sbatch --time); at most the partition's MaxTime")
        @Min(1)
        @Max(525_600)
        int timeLimitMinutes,
    @Description("Nodes for the job (sbatch --nodes)") @Min(1) @Max(100_000) int nodes,
    @Description("Tasks for the job (sbatch --ntasks)") @Min(1) @Max(10_000_000) int tasks,
    @Description("CPUs per task (sbatch --cpus-per-task)") @Min(1) @Max(100_000) int cpusPerTask,
    @Description("Memory per node (sbatch --mem), a number with an optional K, M, G or T")
        @Pattern(regexp = "[0-9]{1,12}[KMGT]?", message = "must be a number with K, M, G or T")
        String memory,
    @Description("Generic resources such as GPUs (sbatch --gres), e.g. gpu:1 or gpu:a100:2")
        @Pattern(regexp = "[A-Za-z0-9_.:,-]{1,200}", message = "must be a gres list such as gpu:1")
        String gres,
    @Description(
            "Further sbatch options, {\"long-name\": \"value\"}; allowed: constraint, exclude,"
                + " nodelist, reservation, licenses, mem-per-cpu, gpus, gpus-per-node, tmp,"
                + " comment, exclusive (value \"\")")
        @NotNull
        @AllowedSbatchOptions
        Map<String, String> sbatchOptions,
    @Description(
            "Program and arguments run on the node, templates allowed (${id}, ${user}, ...);"
                + " no shell. It must write host:port to $SESSION_LAUNCHER_ADDRESS_FILE once it"
                + " listens")
        @NotEmpty
        List<@NotBlank String> command,
    @Description(
            "Folder shared by the launcher and the nodes; each session's job runs in"
                + " <job_dir>/<session id>/")
        @NotNull
        Path jobDir,
    @Description("File in the job's folder the job writes host:port to once it listens")
        @NotBlank
        @Pattern(regexp = "[A-Za-z0-9_.-]{1,100}", message = "must be a plain file name")
        String addressFile,
    @Description("Milliseconds between two readings of the job's state from the queue")
        @Min(100)
        @Max(60_000)
        int pollMillis,
    @Description("The cluster's slurm.conf, when not Slurm's default (SLURM_CONF)")
        Path slurmConf) {

  /**
   * The values of every field not given; {@code partition}, {@code command}, {@code job_dir} have
   * none.
   */
  public static final SlurmConfig DEFAULTS =
      new SlurmConfig(
          null,
          null,
          null,
          60,
          1,
          1,
          1,
          null,
          null,
          Map.of(),
          null,
          null,
          "session-address",
          1000,
          null);

  public SlurmConfig {
    // Copies that keep a null element, so that validation names it instead of a bare NPE here.
    sbatchOptions =
        sbatchOptions == null
            ? null
            : Collections.unmodifiableMap(new LinkedHashMap<>(sbatchOptions));
    command = command == null ? null : Collections.unmodifiableList(new ArrayList<>(command));
  }
}
