package io.sessionlauncher.bench.measure;

import io.sessionlauncher.bench.BenchApps;
import io.sessionlauncher.bench.http.Launched;
import io.sessionlauncher.bench.http.LauncherClient;

/**
 * Brings a freshly started server to its steady state before anything is measured: the JIT has
 * compiled the request path, lazy classes are loaded, pools have their first threads.
 */
public final class WarmUp {
  private static final int CYCLES = 300;
  private static final int GETS = 20_000;

  private WarmUp() {}

  public static void run(BenchContext context) {
    try (LauncherClient client = context.client()) {
      for (int i = 0; i < CYCLES; i++) {
        Launched session = client.launch(BenchApps.INSTANT);
        client.get(session.id());
        client.delete(session.id());
      }
      Launched session = client.launch(BenchApps.INSTANT);
      try {
        for (int i = 0; i < GETS; i++) {
          client.get(session.id());
        }
      } finally {
        client.delete(session.id());
      }
    }
  }
}
