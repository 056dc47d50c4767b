package io.sessionlauncher.engine.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.ResourceRange;
import io.sessionlauncher.model.ResourcesExhaustedException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Hand-out order, exhaustion, release and thread safety of the pool, with a fake probe. */
class ResourcePoolTest {
  private static final PortProbe ALL_FREE = pair -> true;

  private static List<HostPort> drain(ResourcePool pool) {
    List<HostPort> taken = new ArrayList<>();
    while (true) {
      try {
        taken.add(pool.acquire());
      } catch (ResourcesExhaustedException e) {
        return taken;
      }
    }
  }

  @Test
  void handsOutEachPairOnceInFileOrderAcrossRangesAndHosts() {
    ResourcePool pool =
        new ResourcePool(
            List.of(
                new ResourceRange("h1", 9001, 9003),
                new ResourceRange("h2", 8000, 8001),
                new ResourceRange("h1", 7000, 7000)),
            ALL_FREE);

    assertEquals(6, pool.size());
    assertEquals(6, pool.available());
    assertEquals(
        List.of(
            new HostPort("h1", 9001),
            new HostPort("h1", 9002),
            new HostPort("h1", 9003),
            new HostPort("h2", 8000),
            new HostPort("h2", 8001),
            new HostPort("h1", 7000)),
        drain(pool));
    assertEquals(0, pool.available());
  }

  @Test
  void refusesWhenEveryPairIsTaken() {
    ResourcePool pool = new ResourcePool(List.of(new ResourceRange("h", 1, 2)), ALL_FREE);
    pool.acquire();
    pool.acquire();

    ResourcesExhaustedException e = assertThrows(ResourcesExhaustedException.class, pool::acquire);

    assertEquals("All the resources are currently taken", e.getMessage());
    assertEquals(0, pool.available());
  }

  @Test
  void overlappingRangesCountEachPairOnce() {
    ResourcePool pool =
        new ResourcePool(
            List.of(new ResourceRange("h", 1, 3), new ResourceRange("h", 2, 4)), ALL_FREE);

    assertEquals(4, pool.size());
    assertEquals(4, drain(pool).size());
  }

  @Test
  void aReleasedPairIsHandedOutAgainFirstFreeFirst() {
    ResourcePool pool = new ResourcePool(List.of(new ResourceRange("h", 1, 3)), ALL_FREE);
    drain(pool);

    pool.release(new HostPort("h", 2));

    assertEquals(1, pool.available());
    assertEquals(new HostPort("h", 2), pool.acquire());
    assertThrows(ResourcesExhaustedException.class, pool::acquire);
    pool.release(new HostPort("h", 3));
    pool.release(new HostPort("h", 1));
    assertEquals(new HostPort("h", 1), pool.acquire());
  }

  @Test
  void releasingTwiceOrAForeignPairChangesNothing() {
    ResourcePool pool = new ResourcePool(List.of(new ResourceRange("h", 1, 2)), ALL_FREE);
    HostPort first = pool.acquire();

    pool.release(first);
    pool.release(first);
    pool.release(new HostPort("other", 1));
    pool.release(new HostPort("h", 99));

    assertEquals(2, pool.available());
    assertEquals(List.of(new HostPort("h", 1), new HostPort("h", 2)), drain(pool));
  }

  @Test
  void claimTakesAGivenPairOnlyIfItIsFreeAndKnown() {
    ResourcePool pool = new ResourcePool(List.of(new ResourceRange("h", 1, 3)), ALL_FREE);

    assertTrue(pool.claim(new HostPort("h", 2)));
    assertFalse(pool.claim(new HostPort("h", 2)));
    assertFalse(pool.claim(new HostPort("h", 4)));
    assertEquals(List.of(new HostPort("h", 1), new HostPort("h", 3)), drain(pool));
  }

  @Test
  void aPairInUseByAnotherProgramIsSkippedButNotLost() {
    Set<HostPort> busy = new HashSet<>(Set.of(new HostPort("h", 1)));
    ResourcePool pool =
        new ResourcePool(List.of(new ResourceRange("h", 1, 2)), pair -> !busy.contains(pair));

    assertEquals(new HostPort("h", 2), pool.acquire());
    assertThrows(ResourcesExhaustedException.class, pool::acquire);

    busy.clear();
    assertEquals(new HostPort("h", 1), pool.acquire());
  }

  @Test
  void concurrentAcquireNeverHandsOutAPairTwice() throws Exception {
    int pairs = 400;
    int threads = 16;
    ResourcePool pool =
        new ResourcePool(List.of(new ResourceRange("h", 10_000, 10_000 + pairs - 1)), ALL_FREE);
    Set<HostPort> held = ConcurrentHashMap.newKeySet();
    ConcurrentLinkedQueue<HostPort> handedTwice = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<HostPort> drained = new ConcurrentLinkedQueue<>();
    CyclicBarrier phase = new CyclicBarrier(threads);
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            executor.submit(
                () -> {
                  phase.await(10, TimeUnit.SECONDS);
                  // Acquire and release, interleaved with the others; each holds one pair at most.
                  for (int i = 0; i < 200; i++) {
                    HostPort pair = pool.acquire();
                    if (!held.add(pair)) {
                      handedTwice.add(pair);
                    }
                    held.remove(pair);
                    pool.release(pair);
                  }
                  phase.await(10, TimeUnit.SECONDS);
                  // Then all take until nothing is left.
                  drained.addAll(drain(pool));
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get(20, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
      assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
    }

    assertEquals(List.of(), List.copyOf(handedTwice));
    assertEquals(pairs, drained.size());
    assertEquals(pairs, new HashSet<>(drained).size());
    assertEquals(0, pool.available());
  }

  @Test
  void resizeKeepsTheLiveSessionsPairsHeldAndHandsOutOnlyTheNewFreeOnes() {
    ResourcePool pool = new ResourcePool(List.of(new ResourceRange("h", 1, 2)), ALL_FREE);
    HostPort live = pool.acquire();

    pool.resize(List.of(new ResourceRange("h", 1, 4)));

    assertEquals(4, pool.size());
    assertEquals(3, pool.available(), "the live session's pair stays held");
    assertEquals(
        List.of(new HostPort("h", 2), new HostPort("h", 3), new HostPort("h", 4)), drain(pool));
    pool.release(live);
    assertEquals(List.of(live), drain(pool));
  }

  @Test
  void aPairDroppedByAResizeLeavesThePoolAtItsReleaseAndIsHeldIfItComesBackBefore() {
    ResourcePool pool = new ResourcePool(List.of(new ResourceRange("h", 1, 2)), ALL_FREE);
    HostPort live = pool.acquire();

    pool.resize(List.of(new ResourceRange("h", 2, 2)));
    assertEquals(
        List.of(new HostPort("h", 2)), drain(pool), "the dropped pair is never handed out");
    pool.release(new HostPort("h", 2));

    pool.resize(List.of(new ResourceRange("h", 1, 2)));
    assertEquals(1, pool.available(), "back in the ranges while its session lives: still held");
    assertEquals(List.of(new HostPort("h", 2)), drain(pool));
    pool.release(new HostPort("h", 2));

    pool.resize(List.of(new ResourceRange("h", 2, 2)));
    pool.release(live);
    assertEquals(1, pool.size());
    assertEquals(1, pool.available(), "released outside the ranges: gone, not counted");
    pool.resize(List.of(new ResourceRange("h", 1, 2)));
    assertEquals(2, pool.available(), "released while dropped: free when it comes back");
  }
}
