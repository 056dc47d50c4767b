package io.sessionlauncher.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.testing.ChildProcessGuard;
import io.sessionlauncher.engine.testing.JavaProgram;
import io.sessionlauncher.engine.testing.Processes;
import io.sessionlauncher.testing.FreePorts;
import io.sessionlauncher.testing.Waits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A product left running by a program that exits is stopped by the JVM's exit: checked in a child
 * JVM ({@link ExitingChild}), since the test's own JVM must keep running.
 */
class ProductInstanceExitTest {
  private static final long CHILD_SECONDS = 60;

  @RegisterExtension final ChildProcessGuard processes = new ChildProcessGuard();
  @TempDir Path folder;

  /** Runs {@link ExitingChild} to its end and returns what it printed, as key=value pairs. */
  private Map<String, String> runChild(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(JavaProgram.java().toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xmx64m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ExitingChild.class.getName());
    command.addAll(List.of(args));
    Path out = folder.resolve("child.out");
    Path err = folder.resolve("child.err");
    Process child =
        processes.track(
            new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start());
    boolean exited = child.waitFor(CHILD_SECONDS, TimeUnit.SECONDS);
    assertTrue(exited, "the child JVM exits by itself; its errors: " + read(err));
    assertEquals(0, child.exitValue(), "child's errors: " + read(err));
    Map<String, String> printed = new HashMap<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        printed.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return printed;
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  @Test
  void aProcessLeftRunningIsStoppedWhenTheJvmExits() throws Exception {
    Map<String, String> printed = runChild("process");

    long pid = Long.parseLong(printed.get("pid"));
    ProcessHandle.of(pid).ifPresent(processes::track);
    // Without the exit hook, "sleep 300" would outlive its parent by five minutes.
    Processes.assertPidsGone(List.of(pid));
  }

  @Test
  void anHttpServerLeftRunningIsStoppedWhenTheJvmExits() throws Exception {
    Files.writeString(folder.resolve("index.html"), "hello");

    Map<String, String> printed = runChild("http-server", folder.toString());

    int port = Integer.parseInt(printed.get("port"));
    // The kernel would free the port at the JVM's death anyway: this checks nothing is left
    // listening, while the process case above is the one that only the exit hook passes.
    Waits.until("port " + port + " free", Duration.ofSeconds(10), () -> FreePorts.isFree(port));
  }
}
