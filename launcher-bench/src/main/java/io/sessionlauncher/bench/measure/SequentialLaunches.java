package io.sessionlauncher.bench.measure;

import io.sessionlauncher.bench.http.Launched;
import io.sessionlauncher.bench.http.LauncherClient;
import io.sessionlauncher.bench.stats.Samples;
import java.util.function.Function;

/**
 * Launches one after another from one client, each deleted before the next, alternating with direct
 * starts of the same command so both see the same machine.
 *
 * @param launch POST to answer of each launch
 * @param direct spawn to ready line of each direct start
 * @param delete DELETE request to answer of each launch
 */
record SequentialLaunches(Samples launch, Samples direct, Samples delete) {

  /**
   * @param launch one launch through the given client
   */
  static SequentialLaunches run(
      BenchContext context,
      int launches,
      DirectStart direct,
      Function<LauncherClient, Launched> launch)
      throws Exception {
    SequentialLaunches samples =
        new SequentialLaunches(new Samples(), new Samples(), new Samples());
    try (LauncherClient client = context.client()) {
      for (int i = 0; i < launches; i++) {
        try (DirectStart.Started started = direct.start()) {
          samples.direct.add(started.nanos());
        }
        long begin = System.nanoTime();
        Launched session = launch.apply(client);
        long answered = System.nanoTime();
        client.delete(session.id());
        samples.launch.add(answered - begin);
        samples.delete.add(System.nanoTime() - answered);
      }
    }
    return samples;
  }
}
