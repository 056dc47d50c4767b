package io.sessionlauncher.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Prometheus' {@code promtool check metrics}, run on an exposition text. */
final class Promtool {
  private Promtool() {}

  /** What {@code promtool check metrics} said of a text on its standard input. */
  record Check(int exitCode, String output) {}

  /** Checks {@code text}; the test is skipped (or fails, see {@link SystemTools}) without it. */
  static Check checkMetrics(String text)
      throws IOException, InterruptedException, ExecutionException, TimeoutException {
    Path promtool = SystemTools.requirePromtool();
    Process process =
        new ProcessBuilder(promtool.toString(), "check", "metrics")
            .redirectErrorStream(true)
            .start();
    try {
      try (var input = process.getOutputStream()) {
        input.write(text.getBytes(StandardCharsets.UTF_8));
      }
      // Read beside the wait, so that a promtool that hangs with its output open fails the test
      // after the bound rather than holding it.
      CompletableFuture<String> output =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return new String(
                      process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError("promtool did not finish in 30 s");
      }
      return new Check(process.exitValue(), output.get(30, TimeUnit.SECONDS));
    } finally {
      process.destroyForcibly();
    }
  }
}
