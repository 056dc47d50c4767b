package io.sessionlauncher.slurm;

import io.sessionlauncher.spi.PluginException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Slurm commands the plugin uses, each with a machine-readable output format: {@code sbatch
 * --parsable}, {@code squeue -h -t all -o}, {@code scontrol show job -o}, {@code scontrol show
 * partition -o} and {@code scancel}. No accounting database ({@code sacct}) is needed: a job stays
 * in {@code squeue} and {@code scontrol} for {@code MinJobAge} after its end, long enough to read
 * its final state and exit code.
 */
final class Slurm {
  private static final Pattern JOB_ID = Pattern.compile("([0-9]+)(;.*)?");
  private static final Pattern EXIT_CODE = Pattern.compile("(?:^|\\s)ExitCode=([0-9]+):([0-9]+)");
  private static final Pattern MAX_TIME = Pattern.compile("(?:^|\\s)MaxTime=(\\S+)");
  private static final Pattern DURATION =
      Pattern.compile("(?:([0-9]+)-)?(?:([0-9]+):)?([0-9]+):([0-9]+)");

  private final SlurmCommands commands;

  Slurm(SlurmCommands commands) {
    this.commands = commands;
  }

  /**
   * Submits {@code script} (given on {@code sbatch}'s standard input) with {@code options}.
   *
   * @return the job id
   * @throws PluginException with {@code sbatch}'s own message when it refuses the job
   */
  String submit(List<String> options, String script) {
    List<String> argv = new ArrayList<>();
    argv.add("sbatch");
    argv.add("--parsable");
    argv.addAll(options);
    SlurmCommands.Result result = commands.run(argv, script);
    Matcher id = JOB_ID.matcher(result.out().strip());
    if (!result.ok() || !id.matches()) {
      throw new PluginException("sbatch refused the job: " + result.message());
    }
    return id.group(1);
  }

  /** The job's current reading, or empty once Slurm has forgotten it. */
  Optional<JobStatus> status(String jobId) {
    SlurmCommands.Result result =
        commands.run(
            List.of("squeue", "-h", "-t", "all", "-j", jobId, "-o", JobStatus.SQUEUE_FORMAT), null);
    if (!result.ok()) {
      if (result.message().contains("Invalid job id")) {
        return Optional.empty();
      }
      throw new PluginException("squeue failed for job " + jobId + ": " + result.message());
    }
    return result
        .out()
        .lines()
        .map(JobStatus::parse)
        .filter(status -> status != null && status.jobId().equals(jobId))
        .findFirst();
  }

  /**
   * The job's exit code as Slurm reports it: the program's code, or 128 plus the signal that ended
   * it; empty when Slurm no longer knows the job.
   */
  Optional<Integer> exitCode(String jobId) {
    SlurmCommands.Result result =
        commands.run(List.of("scontrol", "show", "job", "-o", jobId), null);
    if (!result.ok()) {
      return Optional.empty();
    }
    Matcher code = EXIT_CODE.matcher(result.out());
    if (!code.find()) {
      return Optional.empty();
    }
    int status = Integer.parseInt(code.group(1));
    int signal = Integer.parseInt(code.group(2));
    return Optional.of(signal != 0 ? 128 + signal : status);
  }

  /** Sends {@code signal} to every process of the job, its batch script included. */
  void signal(String jobId, String signal) {
    var unused = commands.run(List.of("scancel", "--signal=" + signal, "--full", jobId), null);
  }

  /** Cancels the job: Slurm sends SIGTERM, then SIGKILL after its {@code KillWait}. */
  void cancel(String jobId) {
    SlurmCommands.Result result = commands.run(List.of("scancel", jobId), null);
    if (!result.ok() && !result.message().contains("Invalid job id")) {
      throw new PluginException("scancel failed for job " + jobId + ": " + result.message());
    }
  }

  /**
   * A partition of the cluster.
   *
   * @param name its name
   * @param maxMinutes its time limit in whole minutes, empty for {@code UNLIMITED}
   */
  record Partition(String name, OptionalLong maxMinutes) {}

  /** The partition named {@code partition}, or empty when the cluster has none of that name. */
  Optional<Partition> partition(String partition) {
    SlurmCommands.Result result =
        commands.run(List.of("scontrol", "show", "partition", "-o", partition), null);
    if (!result.ok()) {
      if (result.message().contains("not found")) {
        return Optional.empty();
      }
      throw new PluginException(
          "scontrol show partition " + partition + " failed: " + result.message());
    }
    Matcher max = MAX_TIME.matcher(result.out());
    if (!max.find() || max.group(1).equals("UNLIMITED")) {
      return Optional.of(new Partition(partition, OptionalLong.empty()));
    }
    Matcher time = DURATION.matcher(max.group(1));
    if (!time.matches()) {
      throw new PluginException(
          "scontrol show partition " + partition + ": cannot read MaxTime=" + max.group(1));
    }
    long days = time.group(1) == null ? 0 : Long.parseLong(time.group(1));
    long hours = time.group(2) == null ? 0 : Long.parseLong(time.group(2));
    long minutes = Long.parseLong(time.group(3));
    return Optional.of(
        new Partition(partition, OptionalLong.of(days * 1440 + hours * 60 + minutes)));
  }
}
