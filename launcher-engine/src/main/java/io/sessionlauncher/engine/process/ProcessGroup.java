package io.sessionlauncher.engine.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
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
   * Live processes of the group led by {@code leader}, leader excluded. Empty if the leader's pid
   * now belongs to another process, whose group is not ours to touch.
   */
  static List<ProcessHandle> members(ProcessHandle leader) {
    if (!leader.isAlive()) {
      Optional<ProcessHandle> reused = ProcessHandle.of(leader.pid());
      if (reused.isPresent() && reused.get().isAlive()) {
        return List.of();
      }
    }
    List<ProcessHandle> members = new ArrayList<>();
    if (!Files.isDirectory(PROC)) {
      return members;
    }
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path process : processes) {
        long pid = Long.parseLong(process.getFileName().toString());
        if (pid != leader.pid() && groupOf(process) == leader.pid()) {
          ProcessHandle.of(pid).ifPresent(members::add);
        }
      }
    } catch (IOException e) {
      return members;
    }
    return members;
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

  private static long groupOf(Path process) {
    try {
      String stat = Files.readString(process.resolve("stat"), StandardCharsets.US_ASCII);
      // After the command name in parentheses: state, ppid, pgrp, ...
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 4);
      return Long.parseLong(fields[2]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
