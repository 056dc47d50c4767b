package io.sessionlauncher.bench.server;

import io.sessionlauncher.bench.BenchmarkException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The live heap of another JVM: the total of {@code jcmd <pid> GC.class_histogram}, which runs a
 * full collection first, so it counts reachable objects only. No JMX agent or server feature is
 * needed.
 */
public final class HeapProbe {
  private HeapProbe() {}

  /** Bytes of reachable objects in the JVM of {@code pid}. */
  public static long liveBytes(long pid) {
    String output = jcmd(pid, "GC.class_histogram");
    for (String line : output.split("\n")) {
      String trimmed = line.trim();
      if (trimmed.startsWith("Total")) {
        String[] columns = trimmed.split("\\s+");
        return Long.parseLong(columns[2]);
      }
    }
    throw new BenchmarkException("no Total line in the class histogram of " + pid);
  }

  private static String jcmd(long pid, String command) {
    Path jdkJcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    String program = Files.isExecutable(jdkJcmd) ? jdkJcmd.toString() : "jcmd";
    try {
      Process process =
          new ProcessBuilder(List.of(program, Long.toString(pid), command))
              .redirectErrorStream(true)
              .start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new BenchmarkException(
            "jcmd "
                + pid
                + " "
                + command
                + " failed: "
                + new String(output, StandardCharsets.UTF_8));
      }
      return new String(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BenchmarkException("cannot run jcmd: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchmarkException("interrupted while running jcmd", e);
    }
  }
}
