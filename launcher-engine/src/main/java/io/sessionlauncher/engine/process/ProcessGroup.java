package io.sessionlauncher.engine.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Session processes start as the leader of their own process group (through {@code setsid}), so
 * their children can be found even after the leader died and they were re-parented: they still
 * carry the leader's pid as their group id, as the kernel lists in {@code /proc/<pid>/stat}.
 */
final class ProcessGroup {
  private static final Path PROC = Path.of("/proc");
  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private ProcessGroup() {}

  /**
   * The command to start {@code argv} as a group leader: {@code setsid} replaces itself with the
   * program (same pid) because a fresh child of the JVM is not a group leader; unchanged where
   * {@code setsid} is missing.
   */
  static List<String> leading(List<String> argv) {
    if (!Files.isExecutable(SETSID)) {
      return argv;
    }
    List<String> command = new ArrayList<>(argv.size() + 1);
    command.add(SETSID.toString());
    command.addAll(argv);
    return command;
  }

  /**
   * Whether the group with the leader's pid is still the leader's: false when the leader died and
   * its pid now belongs to another process, whose group is not ours to touch.
   */
  static boolean stillLeads(ProcessHandle leader) {
    if (leader.isAlive()) {
      return true;
    }
    Optional<ProcessHandle> reused = ProcessHandle.of(leader.pid());
    return reused.isEmpty() || !reused.get().isAlive();
  }

  /** Whether the process has ended but not been reaped yet (state Z). */
  static boolean isZombie(long pid) {
    try {
      String stat =
          Files.readString(
              PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.US_ASCII);
      return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
