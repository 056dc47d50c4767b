package io.sessionlauncher.slurm;

import io.sessionlauncher.spi.PluginException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Slurm's client commands: an argument list (never a shell), the output read whole, each call
 * bounded in time. {@code SLURM_CONF} is set when the configuration names a {@code slurm.conf}.
 */
final class SlurmCommands {
  /** How long one command may take: slurmctld answers in milliseconds when it is up. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Path slurmConf;

  /**
   * @param slurmConf the cluster's {@code slurm.conf}, or {@code null} for Slurm's default
   */
  SlurmCommands(Path slurmConf) {
    this.slurmConf = slurmConf;
  }

  /**
   * What a command printed and how it ended.
   *
   * @param exitCode the command's exit code
   * @param out its standard output
   * @param err its standard error
   */
  record Result(int exitCode, String out, String err) {
    boolean ok() {
      return exitCode == 0;
    }

    /** The error output, else the standard output, trimmed: for messages. */
    String message() {
      return (err.isBlank() ? out : err).strip();
    }
  }

  /** Runs {@code argv}; {@code stdin} (or nothing) is its standard input. */
  Result run(List<String> argv, String stdin) {
    Path out = null;
    Path err = null;
    Process process = null;
    try {
      out = Files.createTempFile("slurm-", ".out");
      err = Files.createTempFile("slurm-", ".err");
      ProcessBuilder builder =
          new ProcessBuilder(new ArrayList<>(argv))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      if (stdin == null) {
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      }
      if (slurmConf != null) {
        builder.environment().put("SLURM_CONF", slurmConf.toString());
      }
      process = builder.start();
      if (stdin != null) {
        try (OutputStream input = process.getOutputStream()) {
          input.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new PluginException(
            argv.get(0) + " did not answer within " + TIMEOUT.toSeconds() + " s");
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new PluginException("Cannot run " + argv.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PluginException("Interrupted while running " + argv.get(0), e);
    } finally {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
      }
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A temporary file of ours in the system's temporary folder; nothing else to do.
    }
  }
}
