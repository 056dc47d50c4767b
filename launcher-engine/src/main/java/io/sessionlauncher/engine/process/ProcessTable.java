package io.sessionlauncher.engine.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parent and group of every process, read from {@code /proc} in one pass, so a tree and a group
 * are found with one scan however many sessions run (the JDK's {@code descendants()} scans the
 * whole of {@code /proc} for every call).
 */
final class ProcessTable {
  private static final Path PROC = Path.of("/proc");

  private final Map<Long, List<Long>> children = new HashMap<>();
  private final Map<Long, List<Long>> groups = new HashMap<>();

  private ProcessTable() {}

  /** The current table, or empty where there is no {@code /proc}. */
  static Optional<ProcessTable> read() {
    if (!Files.isDirectory(PROC)) {
      return Optional.empty();
    }
    ProcessTable table = new ProcessTable();
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path process : processes) {
        table.add(process);
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(table);
  }

  private void add(Path process) {
    try {
      long pid = Long.parseLong(process.getFileName().toString());
      String stat = Files.readString(process.resolve("stat"), StandardCharsets.US_ASCII);
      // After the command name in parentheses: state, ppid, pgrp, ...
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 4);
      children.computeIfAbsent(Long.parseLong(fields[1]), k -> new ArrayList<>()).add(pid);
      groups.computeIfAbsent(Long.parseLong(fields[2]), k -> new ArrayList<>()).add(pid);
    } catch (IOException | RuntimeException e) {
      // The process ended while the table was read.
    }
  }

  /**
   * The root, its descendants, and, when {@code withGroup}, the members of the group the root leads
   * with their descendants: pids, root first.
   */
  Set<Long> tree(long root, boolean withGroup) {
    Set<Long> found = new LinkedHashSet<>();
    Deque<Long> next = new ArrayDeque<>();
    next.add(root);
    if (withGroup) {
      next.addAll(groups.getOrDefault(root, List.of()));
    }
    while (!next.isEmpty()) {
      long pid = next.poll();
      if (found.add(pid)) {
        next.addAll(children.getOrDefault(pid, List.of()));
      }
    }
    return found;
  }
}
