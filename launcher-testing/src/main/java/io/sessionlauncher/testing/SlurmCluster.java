package io.sessionlauncher.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real one-node Slurm cluster on localhost for the tests: its own munged (own key and socket),
 * slurmctld and slurmd, from a configuration generated in a temporary folder, on ports of the range
 * given by the system properties {@code slurm.test.ports} (default {@code 11800-11899}).
 *
 * <p>Started once for a test class, the first time one of its tests asks for it (a parameter of
 * type {@link Running}, in a constructor, a test or a {@code @BeforeAll} method), and stopped when
 * the class has run: every job cancelled, the three daemons stopped (SIGTERM, then SIGKILL after 10
 * s), the folder deleted. The daemons run in the foreground as children of the test JVM, so none is
 * left behind; not beyond the class, since other tests check that the JVM has no child left.
 *
 * <p>The node has {@link #CPUS} CPUs in partition {@link #PARTITION} with a {@link
 * #MAX_MINUTES}-minute time limit, so that a job asking for all CPUs fills it. Processes are
 * tracked by {@code proctrack/linuxproc} with {@code task/none}: no cgroups are needed, so it runs
 * in a container.
 *
 * <p>With the system property {@code slurm.test.keep=true} the folder (configuration, daemon logs)
 * is kept for a look after the run.
 *
 * <p>Without Slurm or munge installed, or not as root (slurmd must be able to start jobs), the
 * tests are skipped with the reason; with {@code SESSION_LAUNCHER_REQUIRE_SYSTEM_TOOLS=true} they
 * fail instead.
 */
public final class SlurmCluster implements ParameterResolver {
  public static final String REQUIRE_VARIABLE = "SESSION_LAUNCHER_REQUIRE_SYSTEM_TOOLS";
  public static final String PARTITION = "debug";
  public static final int CPUS = 2;
  public static final int MAX_MINUTES = 60;
  public static final String NODE = "node1";

  private static final Duration START_LIMIT = Duration.ofSeconds(60);
  private static final Duration STOP_LIMIT = Duration.ofSeconds(10);
  private static final List<String> PROGRAMS =
      List.of(
          "/usr/sbin/munged",
          "/usr/sbin/slurmctld",
          "/usr/sbin/slurmd",
          "/usr/bin/sbatch",
          "/usr/bin/squeue",
          "/usr/bin/scancel",
          "/usr/bin/scontrol",
          "/usr/bin/sinfo");

  /** Public for JUnit. */
  public SlurmCluster() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Running.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    requireTools();
    return classContext(context)
        .getStore(ExtensionContext.Namespace.create(SlurmCluster.class))
        .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
  }

  /** The context of the test class, whose store is closed once the class has run. */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  private static void requireTools() {
    for (String program : PROGRAMS) {
      require(
          Files.isExecutable(Path.of(program)),
          "Slurm is missing: "
              + program
              + " not found (apt-get install slurm-wlm munge, as .ci/run does)");
    }
    require(
        "root".equals(System.getProperty("user.name")),
        "the one-node Slurm cluster needs root (slurmd starts jobs as their user)");
  }

  private static void require(boolean present, String reason) {
    if (present) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE))) {
      throw new AssertionError(reason + " [" + REQUIRE_VARIABLE + "=true]");
    }
    System.err.println("[launcher-slurm] test skipped: " + reason);
    Assumptions.abort(reason);
  }

  /** The running cluster: its configuration, and a few commands the tests use to look at it. */
  public static final class Running implements ExtensionContext.Store.CloseableResource {
    private final Path folder;
    private final Path conf;
    private final List<Process> daemons = new ArrayList<>();

    private Running(Path folder) {
      this.folder = folder;
      this.conf = folder.resolve("slurm.conf");
    }

    static Running start() {
      Path folder;
      try {
        folder = Files.createTempDirectory("slurm-cluster-");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      Running cluster = new Running(folder);
      try {
        cluster.launch();
      } catch (IOException | RuntimeException | AssertionError e) {
        cluster.close();
        throw new IllegalStateException(
            "The test Slurm cluster in "
                + folder
                + " did not start: "
                + e.getMessage()
                + cluster.logs(),
            e);
      }
      return cluster;
    }

    /** The generated {@code slurm.conf}, for the plugin's {@code slurm_conf}. */
    public Path conf() {
      return conf;
    }

    /**
     * The demo session as a job's command, on a free port of {@code firstPort..lastPort} of the
     * node, reported as {@code 127.0.0.1:<port>} in the job's address file: {@code /bin/sh}, the
     * script {@code slurm-demo-job.sh} (copied out of the class path into this cluster's folder),
     * {@code java} and the demo session's jar.
     */
    public List<String> demoJobCommand(String java, String demoJar, int firstPort, int lastPort) {
      Path script = folder.resolve("slurm-demo-job.sh");
      try (var in = SlurmCluster.class.getResourceAsStream("slurm-demo-job.sh")) {
        if (in == null) {
          throw new IllegalStateException("slurm-demo-job.sh is not on the class path");
        }
        synchronized (this) {
          if (!Files.exists(script)) {
            Files.write(script, in.readAllBytes());
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot write " + script, e);
      }
      return List.of(
          "/bin/sh",
          script.toString(),
          java,
          demoJar,
          "127.0.0.1",
          String.valueOf(firstPort),
          String.valueOf(lastPort));
    }

    /** The cluster's folder, where tests may keep job folders. */
    public Path folder() {
      return folder;
    }

    private void launch() throws IOException {
      Path munge = Files.createDirectories(folder.resolve("munge"));
      Files.setPosixFilePermissions(munge, PosixFilePermissions.fromString("rwx--x--x"));
      Path key = munge.resolve("munge.key");
      byte[] secret = new byte[1024];
      new SecureRandom().nextBytes(secret);
      Files.write(key, secret);
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--------"));
      Path socket = munge.resolve("munge.socket");
      Files.createDirectories(folder.resolve("state"));
      Files.createDirectories(folder.resolve("spool"));
      Files.createDirectories(folder.resolve("log"));
      int ctldPort = freePort(11800);
      int slurmdPort = freePort(ctldPort + 1);
      Files.writeString(conf, slurmConf(socket, ctldPort, slurmdPort), StandardCharsets.UTF_8);

      daemon(
          "munged",
          List.of(
              "/usr/sbin/munged",
              "--foreground",
              "--force",
              "--socket=" + socket,
              "--key-file=" + key,
              "--log-file=" + folder.resolve("log/munged.log"),
              "--pid-file=" + munge.resolve("munged.pid"),
              "--seed-file=" + munge.resolve("munged.seed")));
      Waits.until("munged's socket " + socket, START_LIMIT, () -> Files.exists(socket));
      daemon("slurmctld", List.of("/usr/sbin/slurmctld", "-D", "-i", "-f", conf.toString()));
      daemon("slurmd", List.of("/usr/sbin/slurmd", "-D", "-N", NODE, "-f", conf.toString()));
      Waits.until(
          () -> "node " + NODE + " idle in sinfo (it says: " + quietly("sinfo") + ")",
          START_LIMIT,
          Duration.ofMillis(200),
          () -> run("sinfo", "-h", "-N", "-n", NODE, "-o", "%t").strip().equals("idle"));
    }

    private String slurmConf(Path socket, int ctldPort, int slurmdPort) {
      return String.join(
          "\n",
          "ClusterName=launchertest",
          "SlurmctldHost=localhost(127.0.0.1)",
          "SlurmctldPort=" + ctldPort,
          "SlurmdPort=" + slurmdPort,
          "SlurmUser=root",
          "SlurmdUser=root",
          "AuthType=auth/munge",
          "CredType=cred/munge",
          "AuthInfo=socket=" + socket,
          "StateSaveLocation=" + folder.resolve("state"),
          "SlurmdSpoolDir=" + folder.resolve("spool"),
          "SlurmctldPidFile=" + folder.resolve("slurmctld.pid"),
          "SlurmdPidFile=" + folder.resolve("slurmd.pid"),
          "SlurmctldLogFile=" + folder.resolve("log/slurmctld.log"),
          "SlurmdLogFile=" + folder.resolve("log/slurmd.log"),
          "ProctrackType=proctrack/linuxproc",
          "TaskPlugin=task/none",
          "SelectType=select/cons_tres",
          "SelectTypeParameters=CR_CPU",
          "SchedulerType=sched/backfill",
          "JobAcctGatherType=jobacct_gather/none",
          "AccountingStorageType=accounting_storage/none",
          "JobCompType=jobcomp/none",
          "MpiDefault=none",
          "ReturnToService=2",
          "SlurmdParameters=config_overrides",
          "KillWait=5",
          "MinJobAge=300",
          "NodeName="
              + NODE
              + " NodeAddr=127.0.0.1 NodeHostname="
              + hostname()
              + " CPUs="
              + CPUS
              + " RealMemory=1000 State=UNKNOWN",
          "PartitionName="
              + PARTITION
              + " Nodes="
              + NODE
              + " Default=YES MaxTime="
              + MAX_MINUTES
              + " State=UP",
          "");
    }

    private static String hostname() {
      try {
        return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
      } catch (IOException e) {
        return "localhost";
      }
    }

    /** A port of this cluster's range that nothing listens on, from {@code first} up. */
    private static int freePort(int first) {
      int last = Integer.getInteger("slurm.test.ports.last", 11899);
      for (int port = Math.max(first, Integer.getInteger("slurm.test.ports.first", 11800));
          port <= last;
          port++) {
        if (FreePorts.isFree(port)) {
          return port;
        }
      }
      throw new IllegalStateException("no free port for Slurm in the test range up to " + last);
    }

    private void daemon(String name, List<String> argv) throws IOException {
      Path log = folder.resolve("log/" + name + ".console");
      Process process =
          new ProcessBuilder(argv)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      daemons.add(process);
    }

    /** Runs a Slurm command against this cluster and returns its output; fails on an error. */
    public String run(String... argv) {
      try {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().put("SLURM_CONF", conf.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError(String.join(" ", argv) + " did not end within 30 s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
          throw new AssertionError(String.join(" ", argv) + " failed: " + text);
        }
        return text;
      } catch (IOException e) {
        throw new AssertionError("cannot run " + argv[0], e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    private String quietly(String... argv) {
      try {
        return run(argv).strip();
      } catch (AssertionError e) {
        return e.getMessage();
      }
    }

    /** The ids of the jobs in the queue that have not ended (pending, running, completing). */
    public List<String> liveJobs() {
      return run("squeue", "-h", "-o", "%i")
          .lines()
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .toList();
    }

    /** The job's state as {@code squeue} shows it, e.g. {@code PENDING (Resources)}. */
    public String state(String jobId) {
      return run("squeue", "-h", "-t", "all", "-j", jobId, "-o", "%T (%r)").strip();
    }

    /** Cancels every job, and waits until none is left. */
    public void cancelAll() {
      for (String job : liveJobs()) {
        var unused = quietly("scancel", job);
      }
      Waits.until(
          () -> "no job left in the queue (left: " + liveJobs() + ")",
          Duration.ofSeconds(30),
          Duration.ofMillis(200),
          () -> liveJobs().isEmpty());
    }

    private String logs() {
      StringBuilder text = new StringBuilder();
      try (Stream<Path> files = Files.list(folder.resolve("log"))) {
        for (Path file : files.sorted().toList()) {
          List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
          text.append("\n--- ").append(file.getFileName()).append('\n');
          text.append(
              String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
        }
      } catch (IOException e) {
        text.append("\n(no logs: ").append(e).append(')');
      }
      return text.toString();
    }

    @Override
    public void close() {
      if (!daemons.isEmpty() && daemons.stream().allMatch(Process::isAlive)) {
        try {
          cancelAll();
        } catch (AssertionError e) {
          System.err.println("[launcher-slurm] jobs left at the end: " + e.getMessage());
        }
      }
      // slurmd, then slurmctld, then munged: the reverse of the start.
      for (int i = daemons.size() - 1; i >= 0; i--) {
        stop(daemons.get(i));
      }
      daemons.clear();
      if (Boolean.getBoolean("slurm.test.keep")) {
        System.err.println("[launcher-slurm] kept the test cluster's folder " + folder);
      } else {
        deleteTree(folder);
      }
    }

    private static void stop(Process process) {
      process.destroy();
      try {
        if (!process.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          process.waitFor(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }

    private static void deleteTree(Path root) {
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      } catch (IOException e) {
        System.err.println("[launcher-slurm] cannot delete " + root + ": " + e);
      }
    }
  }
}
