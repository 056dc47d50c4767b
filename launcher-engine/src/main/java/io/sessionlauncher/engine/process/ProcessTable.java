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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The parent and group of every process, read from {@code /proc} in one pass, so a tree and a group
 * are found with one scan however many sessions run (the JDK's {@code descendants()} scans the
 * whole of {@code /proc} for every call). Given a {@link SessionMarker}, the same pass finds the
 * processes carrying it in their environment, whatever their parent and group.
 */
final class ProcessTable {
  private static final Logger LOG = Logger.getLogger(ProcessTable.class.getName());
  private static final Path PROC = Path.of("/proc");

  /** A stat line is a few hundred bytes; ppid and pgrp come right after the command name. */
  private static final int STAT_BYTES = 1024;

  /** The operator is told once, not at every stop, that marked processes may go unseen. */
  private static final AtomicBoolean UNREADABLE_TOLD = new AtomicBoolean();

  private final Map<Long, List<Long>> children = new HashMap<>();
  private final Map<Long, List<Long>> groups = new HashMap<>();
  private final List<Long> marked = new ArrayList<>();

  private ProcessTable() {}

  /** The current table, or empty where there is no {@code /proc}. */
  static Optional<ProcessTable> read() {
    return read(null);
  }

  /**
   * The current table with the processes carrying {@code marker} (none when it is {@code null}), or
   * empty where there is no {@code /proc}.
   */
  static Optional<ProcessTable> read(SessionMarker marker) {
    if (!Files.isDirectory(PROC)) {
      if (marker != null) {
        tellUnreadable("there is no " + PROC);
      }
      return Optional.empty();
    }
    ProcessTable table = new ProcessTable();
    byte[] buffer = new byte[STAT_BYTES];
    EnvironReader environs = marker == null ? null : EnvironReader.open();
    if (marker != null && environs == null) {
      tellUnreadable("this launcher cannot read " + PROC.resolve("self/environ"));
    }
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path process : processes) {
        long pid = table.add(process, buffer);
        if (environs != null && pid > 0 && pid != self) {
          table.markIfCarrying(pid, process, marker, environs);
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(table);
  }

  private void markIfCarrying(
      long pid, Path process, SessionMarker marker, EnvironReader environs) {
    switch (environs.carries(process, marker)) {
      case YES -> marked.add(pid);
      case UNREADABLE ->
          tellUnreadable(
              "the environment of process "
                  + pid
                  + " of the launcher's own user cannot be read (a set-uid program, or one that"
                  + " made itself undumpable)");
      case NO -> {
        // Not one of the session's.
      }
    }
  }

  /**
   * Says once that a session's processes that left its tree and group may be missed, and why; the
   * tree and group are still stopped.
   */
  private static void tellUnreadable(String why) {
    if (UNREADABLE_TOLD.compareAndSet(false, true)) {
      LOG.warning(
          () ->
              "Cannot find every process of a session by its "
                  + SessionMarker.VARIABLE
                  + " variable: "
                  + why
                  + ". Processes that leave a session's process tree and group (setsid, daemons)"
                  + " may outlive it; its tree and group are still stopped. Said once.");
    }
  }

  /** Adds the process's parent and group; its pid, or -1 when it ended while being read. */
  private long add(Path process, byte[] buffer) {
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
      return pid;
    } catch (IOException | RuntimeException e) {
      // The process ended while the table was read.
      return -1;
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
   * The root, its descendants, when {@code withGroup} the members of the group the root leads, and
   * the processes carrying the table's marker, each with their descendants: pids, root first.
   */
  Set<Long> tree(long root, boolean withGroup) {
    Set<Long> found = new LinkedHashSet<>();
    Deque<Long> next = new ArrayDeque<>();
    next.add(root);
    if (withGroup) {
      next.addAll(groups.getOrDefault(root, List.of()));
    }
    next.addAll(marked);
    return withDescendants(found, next);
  }

  /** The processes carrying the marker the table was read with, and their descendants. */
  Set<Long> marked() {
    return withDescendants(new LinkedHashSet<>(), new ArrayDeque<>(marked));
  }

  private Set<Long> withDescendants(Set<Long> found, Deque<Long> next) {
    while (!next.isEmpty()) {
      long pid = next.poll();
      if (found.add(pid)) {
        next.addAll(children.getOrDefault(pid, List.of()));
      }
    }
    return found;
  }
}
