package io.sessionlauncher.engine.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;

/**
 * A cgroup (version 2) of its own for each session where the launcher may make one: every process
 * the session starts stays in it, whatever it does to its environment, session or parentage ({@code
 * env -i setsid ...}), so a stop finds them all. The cgroups are children of the launcher's own
 * ({@code <own cgroup>/session-launcher/<session id>}), which needs a writable cgroup v2 hierarchy:
 * root, or a delegated subtree (systemd's {@code Delegate=yes}). Where there is none the launcher
 * says why once and finds a session's processes by their tree, group and marker only.
 */
public final class SessionCgroups {
  private static final Logger LOG = Logger.getLogger(SessionCgroups.class.getName());
  private static final String FOLDER = "session-launcher";
  private static final String PROCS = "cgroup.procs";

  /** Enters the cgroup whose {@code cgroup.procs} is {@code $0}, then runs the command as given. */
  private static final String ENTER = "echo $$ > \"$0\" && exec \"$@\"";

  private static final Path SHELL = Path.of("/bin/sh");

  /** How long an emptied cgroup may stay busy before its removal is given up. */
  private static final Duration REMOVE_WAIT = Duration.ofSeconds(5);

  private static final Duration REMOVE_POLL = Duration.ofMillis(10);

  /** Where session cgroups are made, or why they are not; found once. */
  private record Base(Path folder, String reason) {}

  private static final class Holder {
    static final Base BASE = find();
  }

  private SessionCgroups() {}

  /** Whether sessions get cgroups of their own here. */
  public static boolean available() {
    return Holder.BASE.folder() != null;
  }

  /** The folder the session cgroups are made in, each named by its session's id. */
  public static Optional<Path> folder() {
    return Optional.ofNullable(Holder.BASE.folder());
  }

  /** One line for the start-up log: where session cgroups are made, or why not. */
  public static String describe() {
    Base base = Holder.BASE;
    return base.folder() != null
        ? "each session in a cgroup of its own under " + base.folder()
        : "no cgroup per session (" + base.reason() + ")";
  }

  /**
   * The command that runs {@code command} inside a new cgroup of the session's, or {@code command}
   * unchanged where none can be made.
   */
  static List<String> entering(SessionMarker marker, List<String> command) {
    if (marker == null || !available() || !Files.isExecutable(SHELL)) {
      return command;
    }
    Path cgroup = Holder.BASE.folder().resolve(marker.value());
    try {
      Files.createDirectories(cgroup);
    } catch (IOException e) {
      LOG.warning(() -> "Cannot make the cgroup " + cgroup + ": " + e);
      return command;
    }
    List<String> entered = new ArrayList<>(command.size() + 4);
    entered.add(SHELL.toString());
    entered.add("-c");
    entered.add(ENTER);
    entered.add(cgroup.resolve(PROCS).toString());
    entered.addAll(command);
    return entered;
  }

  /** The pids in the session's cgroup; none where it has none. */
  static List<Long> members(SessionMarker marker) {
    List<Long> pids = new ArrayList<>();
    if (marker == null || !available()) {
      return pids;
    }
    Path procs = Holder.BASE.folder().resolve(marker.value()).resolve(PROCS);
    try {
      for (String line : Files.readAllLines(procs, StandardCharsets.US_ASCII)) {
        if (!line.isBlank()) {
          pids.add(Long.parseLong(line.trim()));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // No cgroup (made before cgroups were used, or already removed): no members.
    }
    return pids;
  }

  /** Removes the session's cgroup once it is empty; a cgroup with processes left stays. */
  static void remove(SessionMarker marker) {
    if (marker == null || !available()) {
      return;
    }
    Path cgroup = Holder.BASE.folder().resolve(marker.value());
    long deadline = System.nanoTime() + REMOVE_WAIT.toNanos();
    while (true) {
      try {
        Files.deleteIfExists(cgroup);
        return;
      } catch (IOException e) {
        // Busy while its last processes are being reaped (a zombie still counts): try again.
        if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
          LOG.warning(() -> "Cannot remove the cgroup " + cgroup + ": " + e);
          return;
        }
        LockSupport.parkNanos(REMOVE_POLL.toNanos());
      }
    }
  }

  private static Base find() {
    Optional<Path> mount = cgroup2Mount();
    if (mount.isEmpty()) {
      return refused("no cgroup v2 hierarchy is mounted");
    }
    Optional<String> own = ownCgroup();
    if (own.isEmpty()) {
      return refused("the launcher's own cgroup v2 is not in /proc/self/cgroup");
    }
    Path folder = mount.get().resolve(own.get().replaceFirst("^/+", "")).resolve(FOLDER);
    Path probe = folder.resolve("probe-" + ProcessHandle.current().pid());
    try {
      Files.createDirectories(folder);
      Files.createDirectories(probe);
      boolean usable = Files.isWritable(probe.resolve(PROCS));
      Files.deleteIfExists(probe);
      if (!usable) {
        return refused(probe.resolve(PROCS) + " is not writable");
      }
    } catch (IOException e) {
      return refused("cannot make cgroups under " + folder + ": " + e.getMessage());
    }
    LOG.info(() -> "Each session runs in a cgroup of its own under " + folder);
    return new Base(folder, null);
  }

  private static Base refused(String reason) {
    LOG.warning(
        () ->
            "No cgroup per session: "
                + reason
                + ". A session's processes are found by their tree, group and"
                + " SESSION_LAUNCHER_SESSION variable only; one that clears its environment and"
                + " leaves the group (env -i setsid ...) can outlive the session."
                + " Said once.");
    return new Base(null, reason);
  }

  /** The mount point of the cgroup v2 hierarchy, from {@code /proc/self/mountinfo}. */
  private static Optional<Path> cgroup2Mount() {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8)) {
        int dash = line.indexOf(" - ");
        if (dash < 0) {
          continue;
        }
        String[] after = line.substring(dash + 3).split(" ");
        String[] before = line.substring(0, dash).split(" ");
        if (after.length > 0 && after[0].equals("cgroup2") && before.length > 4) {
          return Optional.of(Path.of(before[4]));
        }
      }
    } catch (IOException e) {
      // Not Linux: no cgroups.
    }
    return Optional.empty();
  }

  /** The launcher's own cgroup v2 path ({@code 0::<path>} in {@code /proc/self/cgroup}). */
  private static Optional<String> ownCgroup() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"), StandardCharsets.UTF_8)) {
        if (line.startsWith("0::")) {
          return Optional.of(line.substring(3));
        }
      }
    } catch (IOException e) {
      // Not Linux: no cgroups.
    }
    return Optional.empty();
  }
}
