package io.sessionlauncher.bench.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The machine the figures come from, for the report's heading.
 *
 * @param cores processors available to the JVM
 * @param memoryGib total memory
 * @param cpu the processor's model name
 * @param os kernel name and version
 * @param java the Java runtime running the harness (and, from the same PATH, the server)
 * @param liberty the Open Liberty version
 */
public record Machine(
    int cores, double memoryGib, String cpu, String os, String java, String liberty) {

  public static Machine describe(Path wlp) {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        memTotalKib() / 1024.0 / 1024.0,
        cpuModel(),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        libertyVersion(wlp));
  }

  /**
   * The 1, 5 and 15 minute load averages: on a shared machine, other work competing for the cores
   * shows here and explains noisy figures.
   */
  public static String loadAverage() {
    List<String> line = lines(Path.of("/proc/loadavg"));
    if (line.isEmpty()) {
      return "unknown";
    }
    String[] fields = line.get(0).split(" ");
    return fields.length < 3 ? "unknown" : fields[0] + " / " + fields[1] + " / " + fields[2];
  }

  private static long memTotalKib() {
    for (String line : lines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        return Long.parseLong(line.substring(9).replace("kB", "").trim());
      }
    }
    return 0;
  }

  private static String cpuModel() {
    for (String line : lines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return "unknown";
  }

  private static String libertyVersion(Path wlp) {
    Path file = wlp.resolve("lib").resolve("versions").resolve("openliberty.properties");
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
      return "Open Liberty " + properties.getProperty("com.ibm.websphere.productVersion", "?");
    } catch (IOException e) {
      return "Open Liberty (version unknown)";
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      return List.of();
    }
  }
}
