package io.sessionlauncher.engine.process;

import java.io.IOException;
import java.io.InputStream;
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

  /** A stat line is a few hundred bytes; ppid and pgrp come right after the command name. */
  private static final int STAT_BYTES = 1024;

  private final Map<Long, List<Long>> children = new HashMap<>();
  private final Map<Long, List<Long>> groups = new HashMap<>();

  private ProcessTable() {}

  /** The current table, or empty where there is no {@code /proc}. */
  static Optional<ProcessTable> read() {
    if (!Files.isDirectory(PROC)) {
      return Optional.empty();
    }
    ProcessTable table = new ProcessTable();
    byte[] buffer = new byte[STAT_BYTES];
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path process : processes) {
        table.add(process, buffer);
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(table);
  }

  private void add(Path process, byte[] buffer) {
    try (InputStream in = Files.newInputStream(process.resolve("stat"))) {
      long pid = Long.parseLong(process.getFileName().toString());
      int length = in.readNBytes(buffer, 0, buffer.length);
      // After the command name in parentheses: state, ppid, pgrp, ... Parsed from the bytes, as a
      // stop reads every process's stat: no string per process.
      int at = lastIndexOf(buffer, length, (byte) ')') + 4;
      long[] numbers = new long[2];
      for (int field = 0; field < 2; field++) {
        long value = 0;
        while (at < length && buffer[at] != ' ') {
          value = value * 10 + (buffer[at++] - '0');
        }
        numbers[field] = value;
        at++;
      }
      children.computeIfAbsent(numbers[0], k -> new ArrayList<>()).add(pid);
      groups.computeIfAbsent(numbers[1], k -> new ArrayList<>()).add(pid);
    } catch (IOException | RuntimeException e) {
      // The process ended while the table was read.
    }
  }

  private static int lastIndexOf(byte[] buffer, int length, byte wanted) {
    for (int i = length - 1; i >= 0; i--) {
      if (buffer[i] == wanted) {
        return i;
      }
    }
    throw new IllegalArgumentException("no command name");
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
