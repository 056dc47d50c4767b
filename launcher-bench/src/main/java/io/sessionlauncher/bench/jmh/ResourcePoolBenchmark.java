package io.sessionlauncher.bench.jmh;

import io.sessionlauncher.engine.pool.BindPortProbe;
import io.sessionlauncher.engine.pool.ResourcePool;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.ResourceRange;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link ResourcePool} acquire then release: the pool's own bookkeeping with a probe that always
 * says free, at an empty and a nearly full pool; and with the real {@link BindPortProbe}, whose
 * bind of a loopback socket is what a launch actually pays.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ResourcePoolBenchmark {

  /** A pool of 1,200 pairs, as the bench server's, with {@code taken} of them handed out. */
  @State(Scope.Thread)
  public static class Bookkeeping {
    @Param({"0", "1000"})
    public int taken;

    ResourcePool pool;

    @Setup
    public void setUp() {
      pool = new ResourcePool(List.of(new ResourceRange("127.0.0.1", 31000, 32199)), pair -> true);
      for (int i = 0; i < taken; i++) {
        pool.acquire();
      }
    }
  }

  /** Ten loopback ports outside every pool of the project, probed by binding them. */
  @State(Scope.Thread)
  public static class Binding {
    ResourcePool pool;

    @Setup
    public void setUp() {
      pool =
          new ResourcePool(
              List.of(new ResourceRange("127.0.0.1", 32300, 32309)), new BindPortProbe());
    }
  }

  @Benchmark
  public HostPort acquireRelease(Bookkeeping state) {
    HostPort pair = state.pool.acquire();
    state.pool.release(pair);
    return pair;
  }

  @Benchmark
  public HostPort acquireReleaseWithBindProbe(Binding state) {
    HostPort pair = state.pool.acquire();
    state.pool.release(pair);
    return pair;
  }
}
