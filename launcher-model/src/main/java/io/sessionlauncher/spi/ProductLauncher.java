package io.sessionlauncher.spi;

import io.sessionlauncher.model.HostPort;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Starts and looks after one instance of a product. One object per instance: the launcher calls
 * {@link #start} once, then {@link #check} and {@link #urls} any number of times, and {@link #stop}
 * at least once.
 *
 * <p>Implementations must be safe to call from several threads and must never block without a
 * bound: the launcher runs them on behalf of many users.
 */
public interface ProductLauncher {

  /**
   * Starts the product and returns without waiting for it to be ready; the launcher waits with
   * {@link #check}.
   *
   * @throws io.sessionlauncher.model.LauncherException (a {@link PluginException} or {@link
   *     io.sessionlauncher.model.SessionStartException}) when it cannot start; whatever was started
   *     must be stopped before throwing
   */
  void start();

  /**
   * Stops the product and everything it started, giving it {@code grace} to end on its own before
   * killing it. Returns in finite time; calling it again, or before {@link #start}, does nothing.
   */
  void stop(Duration grace);

  /**
   * Whether the product is up and serving, answered within {@code timeout}; never hangs and never
   * throws for a product that is down.
   */
  boolean check(Duration timeout);

  /** Every server of the plugin's spec, by key, as {@code host:port}; empty before start. */
  Map<String, String> urls();

  /**
   * Completes with an exit code when the product ends on its own, so the launcher can clean up at
   * once instead of polling; empty when the plugin cannot tell (the launcher then polls {@link
   * #check}).
   */
  default Optional<CompletionStage<Integer>> onExit() {
    return Optional.empty();
  }

  /**
   * Completes the moment the product is ready, so the launcher need not poll {@link #check}; empty
   * when the plugin cannot tell (the launcher then polls).
   */
  default Optional<CompletionStage<Void>> whenReady() {
    return Optional.empty();
  }

  /**
   * The operating-system process behind the product, if it has one, so a restarted launcher can
   * find it again (by pid and start time) and stop its whole tree.
   */
  default Optional<ProcessHandle> process() {
    return Optional.empty();
  }

  /**
   * Where the product listens when the product, not the launcher, chose it: a batch job that starts
   * on a compute node the scheduler picked and takes a free port there. The launcher routes the
   * session (the proxy file, the built-in proxy) to this address once the product is ready, instead
   * of {@link LaunchContext#resource()}; the pool's pair is still held until the end. Empty (the
   * default) for a product that listens where {@link LaunchContext#resource()} says.
   */
  default Optional<HostPort> address() {
    return Optional.empty();
  }

  /**
   * A short word from the product on where it stands, for people: a batch job's queue state and its
   * reason while it waits ({@code PENDING (Resources)}), the node it runs on, its final state. The
   * launcher shows it with a starting session and names it when the start fails or times out. Empty
   * (the default) when the plugin has nothing to add to the session's state; never blocks (answer
   * from what the plugin last saw).
   */
  default Optional<String> status() {
    return Optional.empty();
  }

  /**
   * What finds this instance again after the launcher restarts, for a product with no process of
   * the launcher's machine to find it by (a batch job's id). The launcher records it with the
   * session and hands it to {@link LauncherPlugin#adopt}. Empty (the default) before {@link #start}
   * and for a product found by its {@link #process}.
   */
  default Optional<String> reference() {
    return Optional.empty();
  }

  /**
   * Tells the plugin whom to tell when {@link #status} changes, so that a session's progress (a job
   * leaving the queue) reaches its clients at once rather than at their next look. Called at most
   * once, before {@link #start}. A plugin with a status calls {@code listener} with each new one,
   * from any thread, holding no lock of its own; the default ignores it.
   */
  default void onStatusChange(Consumer<String> listener) {}

  /** The last lines of the product's output, for operators' messages; empty if unknown. */
  default String outputTail() {
    return "";
  }
}
