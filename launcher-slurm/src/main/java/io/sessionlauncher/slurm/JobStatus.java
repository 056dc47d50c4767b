package io.sessionlauncher.slurm;

import java.util.Objects;
import java.util.Set;

/**
 * One reading of a job from the queue.
 *
 * @param jobId the job's id
 * @param state Slurm's job state, e.g. {@code PENDING}, {@code RUNNING}, {@code COMPLETED}
 * @param reason why it is pending (or why it ended), e.g. {@code Resources}; {@code None} if none
 * @param nodes the nodes it runs on, empty while pending
 */
record JobStatus(String jobId, String state, String reason, String nodes) {
  /** The states of a job that has ended and will not run again. */
  static final Set<String> FINAL =
      Set.of(
          "COMPLETED",
          "FAILED",
          "CANCELLED",
          "TIMEOUT",
          "NODE_FAIL",
          "OUT_OF_MEMORY",
          "PREEMPTED",
          "BOOT_FAIL",
          "DEADLINE",
          "SPECIAL_EXIT",
          "REVOKED");

  /** The {@code squeue -o} format {@link #parse} reads. */
  static final String SQUEUE_FORMAT = "%i|%T|%r|%N";

  JobStatus {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(nodes, "nodes");
  }

  /**
   * The line {@code squeue -h -o "%i|%T|%r|%N"} prints for a job, or {@code null} for a line of
   * another shape. The reason is the only field that could hold a {@code |}, so it is what lies
   * between the second and the last separator.
   */
  static JobStatus parse(String line) {
    String text = line.strip();
    int first = text.indexOf('|');
    int second = first < 0 ? -1 : text.indexOf('|', first + 1);
    int last = text.lastIndexOf('|');
    if (first <= 0 || second < 0 || last <= second) {
      return null;
    }
    return new JobStatus(
        text.substring(0, first),
        text.substring(first + 1, second),
        text.substring(second + 1, last),
        text.substring(last + 1));
  }

  boolean pending() {
    return state.equals("PENDING");
  }

  boolean running() {
    return state.equals("RUNNING");
  }

  boolean ended() {
    return FINAL.contains(state);
  }

  /** For people: {@code PENDING (Resources)}, {@code RUNNING on node1}, {@code FAILED}. */
  String describe() {
    if (pending()) {
      return "PENDING (" + reason + ")";
    }
    if (running() && !nodes.isEmpty()) {
      return "RUNNING on " + nodes;
    }
    return state;
  }
}
