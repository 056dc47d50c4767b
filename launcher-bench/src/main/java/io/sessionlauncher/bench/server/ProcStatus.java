package io.sessionlauncher.bench.server;

import io.sessionlauncher.bench.BenchmarkException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What Linux says about a process: resident memory and threads from {@code /proc/<pid>/status},
 * open descriptors from {@code /proc/<pid>/fd}.
 *
 * @param rssKib resident set size (VmRSS), KiB
 * @param threads number of threads
 * @param openFiles number of open file descriptors
 */
public record ProcStatus(long rssKib, int threads, int openFiles) {

  public static ProcStatus of(long pid) {
    Path proc = Path.of("/proc", Long.toString(pid));
    long rss = -1;
    int threads = -1;
    try {
      for (String line : Files.readAllLines(proc.resolve("status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = Long.parseLong(line.substring(6).replace("kB", "").trim());
        } else if (line.startsWith("Threads:")) {
          threads = Integer.parseInt(line.substring(8).trim());
        }
      }
      try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
        return new ProcStatus(rss, threads, (int) fds.count());
      }
    } catch (IOException e) {
      throw new BenchmarkException("cannot read " + proc + ": " + e.getMessage(), e);
    }
  }

  /**
   * CPU time the process has used, user and system, in milliseconds (from {@code /proc/<pid>/stat},
   * counted in clock ticks of 1/100 s, the Linux default).
   */
  public static long cpuMillis(long pid) {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    try {
      String text = Files.readString(stat);
      // Fields after the command name, which is in parentheses and may hold spaces.
      String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks * 10;
    } catch (IOException | RuntimeException e) {
      throw new BenchmarkException("cannot read " + stat + ": " + e.getMessage(), e);
    }
  }

  public double rssMib() {
    return rssKib / 1024.0;
  }
}
