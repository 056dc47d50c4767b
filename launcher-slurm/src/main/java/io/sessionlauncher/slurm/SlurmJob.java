package io.sessionlauncher.slurm;

import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.SessionStartException;
import io.sessionlauncher.spi.LaunchContext;
import io.sessionlauncher.spi.PluginException;
import io.sessionlauncher.spi.ProductLauncher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One session as one Slurm batch job, from {@code sbatch} to its end.
 *
 * <p>After {@link #start} the job is read from the queue every {@code poll_millis} on the
 * launcher's executor (no thread is held between two readings): while it is pending its state and
 * reason are its {@link #status}; once it runs, the address file it writes is read, and the job is
 * ready when that {@code host:port} accepts a connection. A final state completes {@link #onExit}
 * with the job's exit code. {@link #stop} signals the job, gives it the grace period, then cancels
 * it and waits (bounded) until Slurm reports it ended.
 */
final class SlurmJob implements ProductLauncher {
  private static final Logger LOG = Logger.getLogger(SlurmJob.class.getName());
  private static final Pattern ADDRESS = Pattern.compile("\\s*([A-Za-z0-9_.:-]+):([0-9]{1,5})\\s*");

  /** How long {@link #stop} waits for Slurm to report the cancelled job ended. */
  private static final Duration CANCEL_WAIT = Duration.ofSeconds(60);

  private static final Duration STOP_POLL = Duration.ofMillis(100);

  private final SlurmConfig config;
  private final LaunchContext context;
  private final Slurm slurm;
  private final String pluginName;
  private final Path folder;
  private final Path addressFile;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();

  private volatile String jobId;
  private volatile JobStatus last;
  private volatile HostPort address;
  private volatile boolean stopping;
  private volatile Consumer<String> statusListener = status -> {};

  SlurmJob(SlurmConfig config, LaunchContext context, Slurm slurm, String pluginName) {
    this.config = config;
    this.context = context;
    this.slurm = slurm;
    this.pluginName = pluginName;
    this.folder = config.jobDir().resolve(safeName(context.name()));
    this.addressFile = folder.resolve(config.addressFile());
  }

  /** The job's id once submitted, e.g. for an operator's {@code squeue -j}. */
  Optional<String> jobId() {
    return Optional.ofNullable(jobId);
  }

  @Override
  public synchronized void start() {
    if (jobId != null) {
      throw new IllegalStateException(context.name() + " is already submitted as job " + jobId);
    }
    try {
      Files.createDirectories(folder);
      // slurmstepd opens the output file but makes no folder: the job would fail unexplained.
      Files.createDirectories(output().toAbsolutePath().getParent());
      Files.deleteIfExists(addressFile);
    } catch (IOException e) {
      throw new SessionStartException(
          SessionStartException.Reason.CANNOT_START,
          "Plugin " + pluginName + ": cannot prepare the job folder " + folder + ": " + e,
          e);
    }
    try {
      jobId = slurm.submit(options(), script());
    } catch (PluginException e) {
      throw new SessionStartException(
          SessionStartException.Reason.CANNOT_START,
          "Plugin " + pluginName + ": " + e.getMessage(),
          e);
    }
    LOG.info(() -> "Session " + context.name() + " submitted as Slurm job " + jobId);
    schedulePoll(Duration.ZERO);
  }

  /**
   * Takes back job {@code id}, submitted for this session by a launcher that has since been
   * restarted: reads it once from the queue and follows it from there.
   *
   * @return false when Slurm no longer runs it (or the id is not a job id): nothing to follow
   */
  synchronized boolean adopt(String id) {
    if (jobId != null) {
      throw new IllegalStateException(context.name() + " is already job " + jobId);
    }
    if (!id.matches("[0-9]{1,20}")) {
      LOG.warning(() -> "Session " + context.name() + ": '" + id + "' is not a Slurm job id");
      return false;
    }
    Optional<JobStatus> status = slurm.status(id);
    if (status.isEmpty() || status.get().ended()) {
      return false;
    }
    jobId = id;
    last = status.get();
    HostPort reported = status.get().running() ? readAddress() : null;
    if (reported != null) {
      address = reported;
      ready.complete(null);
    }
    schedulePoll(Duration.ofMillis(config.pollMillis()));
    return true;
  }

  private List<String> options() {
    List<String> options = new ArrayList<>();
    options.add("--job-name=session-" + safeName(context.name()));
    options.add("--partition=" + config.partition());
    if (config.account() != null) {
      options.add("--account=" + config.account());
    }
    if (config.qos() != null) {
      options.add("--qos=" + config.qos());
    }
    options.add("--time=" + config.timeLimitMinutes());
    options.add("--nodes=" + config.nodes());
    options.add("--ntasks=" + config.tasks());
    options.add("--cpus-per-task=" + config.cpusPerTask());
    if (config.memory() != null) {
      options.add("--mem=" + config.memory());
    }
    if (config.gres() != null) {
      options.add("--gres=" + config.gres());
    }
    options.addAll(SbatchOptions.arguments(config.sbatchOptions()));
    options.add("--chdir=" + folder);
    options.add("--output=" + output().toAbsolutePath());
    // The launcher's environment may hold its own secrets: the job gets none of it.
    options.add("--export=NONE");
    // A requeued job would come back under the same id with a new address.
    options.add("--no-requeue");
    return options;
  }

  private String script() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("SESSION_LAUNCHER_SESSION", context.name());
    environment.put("SESSION_LAUNCHER_ADDRESS_FILE", addressFile.toString());
    return BatchScript.of(
        "Session Launcher session " + context.name(), environment, config.command());
  }

  private void schedulePoll(Duration delay) {
    Executor later =
        CompletableFuture.delayedExecutor(
            delay.toMillis(), TimeUnit.MILLISECONDS, context.executor());
    later.execute(this::pollSafely);
  }

  private void pollSafely() {
    try {
      poll();
    } catch (RuntimeException e) {
      // A failed squeue (slurmctld restarting) is tried again at the next reading.
      LOG.log(Level.WARNING, "Reading Slurm job " + jobId + " of " + context.name() + " failed", e);
    }
    if (!exit.isDone()) {
      schedulePoll(Duration.ofMillis(config.pollMillis()));
    }
  }

  /** One reading of the queue, and what follows from it. */
  private void poll() {
    String id = jobId;
    Optional<JobStatus> status = slurm.status(id);
    if (status.isEmpty()) {
      // Forgotten by Slurm: ended longer than MinJobAge ago.
      finish(null);
      return;
    }
    JobStatus current = status.get();
    JobStatus before = last;
    last = current;
    if (current.ended()) {
      finish(slurm.exitCode(id).orElse(null));
      return;
    }
    if (before == null || !before.describe().equals(current.describe())) {
      status().ifPresent(statusListener);
    }
    if (current.running() && !ready.isDone()) {
      HostPort reported = readAddress();
      if (reported != null) {
        address = reported;
        if (accepts(reported, Duration.ofSeconds(1))) {
          ready.complete(null);
        }
      }
    }
  }

  private void finish(Integer code) {
    if (exit.complete(code)) {
      LOG.info(
          () ->
              "Slurm job "
                  + jobId
                  + " of "
                  + context.name()
                  + " ended: "
                  + (last == null ? "unknown state" : last.state())
                  + (code == null ? "" : ", exit code " + code));
    }
  }

  /** The address the job wrote, or {@code null} while there is none (or half of one). */
  private HostPort readAddress() {
    String text;
    try {
      text = Files.readString(addressFile, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      LOG.fine(() -> "Cannot read " + addressFile + " yet: " + e);
      return null;
    }
    Matcher parts = ADDRESS.matcher(text);
    if (!parts.matches()) {
      return null;
    }
    int port = Integer.parseInt(parts.group(2));
    return port >= 1 && port <= 65535 ? new HostPort(parts.group(1), port) : null;
  }

  private static boolean accepts(HostPort where, Duration timeout) {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(where.host(), where.port()),
          (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Signals the job with SIGTERM, waits up to {@code grace} for it to end, then cancels it (Slurm's
   * own SIGTERM, then SIGKILL after {@code KillWait}) and waits until Slurm reports it ended.
   */
  @Override
  public void stop(Duration grace) {
    String id;
    synchronized (this) {
      id = jobId;
      if (id == null || stopping || exit.isDone()) {
        return;
      }
      stopping = true;
    }
    JobStatus seen = last;
    // Only a running job has processes to signal; a queued one (or one not read yet) is cancelled.
    if (seen != null && seen.running()) {
      slurm.signal(id, "TERM");
      awaitEnd(grace);
    }
    if (!exit.isDone()) {
      slurm.cancel(id);
      awaitEnd(CANCEL_WAIT);
    }
    if (!exit.isDone()) {
      LOG.warning(
          () -> "Slurm job " + id + " of " + context.name() + " still not ended after scancel");
    }
  }

  /** Reads the queue itself until the job has ended or {@code limit} has passed. */
  private void awaitEnd(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!exit.isDone() && System.nanoTime() < deadline) {
      try {
        poll();
        if (!exit.isDone()) {
          var unused = exit.get(STOP_POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
        // Not ended yet; read again.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Reading Slurm job " + jobId + " while stopping failed", e);
      }
    }
  }

  @Override
  public boolean check(Duration timeout) {
    HostPort current = address;
    return current != null && !exit.isDone() && accepts(current, timeout);
  }

  @Override
  public Map<String, String> urls() {
    HostPort current = address;
    return current == null || !ready.isDone()
        ? Map.of()
        : Map.of(SlurmPlugin.MAIN, current.toString());
  }

  @Override
  public Optional<HostPort> address() {
    return ready.isDone() ? Optional.ofNullable(address) : Optional.empty();
  }

  @Override
  public Optional<String> status() {
    JobStatus current = last;
    if (current == null) {
      return Optional.ofNullable(jobId).map(id -> "Slurm job " + id + " submitted");
    }
    Integer code = exit.getNow(null);
    return Optional.of(
        "Slurm job "
            + current.jobId()
            + " "
            + current.describe()
            + (code == null ? "" : ", exit code " + code));
  }

  /** The job's id: what a restarted launcher adopts it by. */
  @Override
  public Optional<String> reference() {
    return Optional.ofNullable(jobId);
  }

  @Override
  public void onStatusChange(Consumer<String> listener) {
    statusListener = listener;
  }

  @Override
  public Optional<CompletionStage<Integer>> onExit() {
    return Optional.of(exit);
  }

  @Override
  public Optional<CompletionStage<Void>> whenReady() {
    return Optional.of(ready);
  }

  /** Where the job's output goes: the session's log, else {@code job.out} in its folder. */
  private Path output() {
    return context.logFile() == null ? folder.resolve("job.out") : context.logFile();
  }

  @Override
  public String outputTail() {
    Path log = output();
    String state = status().orElse("not submitted");
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return state
          + "\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return state;
    }
  }

  /** A session id as a file and job name: it is one already; anything else becomes {@code _}. */
  private static String safeName(String name) {
    return name.replaceAll("[^A-Za-z0-9_.-]", "_");
  }
}
