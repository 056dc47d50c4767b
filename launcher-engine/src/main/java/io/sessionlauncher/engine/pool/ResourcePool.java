package io.sessionlauncher.engine.pool;

import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.ResourceRange;
import io.sessionlauncher.model.ResourcesExhaustedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The host/port pairs of {@code resources}, handed out one session at a time. A request takes the
 * first free pair in file order; a pair that another program already listens on is skipped. A pair
 * stays taken until {@link #release} is called after its session has been cleaned up.
 */
@ApplicationScoped
public class ResourcePool {
  private List<HostPort> pairs;
  private Map<HostPort, Integer> indexes;
  private BitSet taken;
  private PortProbe probe;

  /** For CDI's proxy. */
  protected ResourcePool() {}

  @Inject
  public ResourcePool(LauncherConfig config, PortProbe probe) {
    this(config.resources(), probe);
  }

  public ResourcePool(List<ResourceRange> ranges, PortProbe probe) {
    LinkedHashSet<HostPort> unique = new LinkedHashSet<>();
    for (ResourceRange range : ranges) {
      unique.addAll(range.pairs());
    }
    this.pairs = List.copyOf(new ArrayList<>(unique));
    this.indexes = new HashMap<>();
    for (int i = 0; i < pairs.size(); i++) {
      indexes.put(pairs.get(i), i);
    }
    this.taken = new BitSet(pairs.size());
    this.probe = probe;
  }

  /**
   * Takes the first free pair.
   *
   * @throws ResourcesExhaustedException when every pair is taken or in use by another program
   */
  public synchronized HostPort acquire() {
    for (int i = taken.nextClearBit(0); i < pairs.size(); i = taken.nextClearBit(i + 1)) {
      HostPort pair = pairs.get(i);
      if (probe.isFree(pair)) {
        taken.set(i);
        return pair;
      }
    }
    throw new ResourcesExhaustedException();
  }

  /**
   * Takes a specific pair, for a session adopted back after a restart.
   *
   * @return whether the pair belongs to the pool and was free
   */
  public synchronized boolean claim(HostPort pair) {
    int index = indexes.getOrDefault(pair, -1);
    if (index < 0 || taken.get(index)) {
      return false;
    }
    taken.set(index);
    return true;
  }

  /** Gives a pair back; releasing a pair twice or one of another pool does nothing. */
  public synchronized void release(HostPort pair) {
    int index = indexes.getOrDefault(pair, -1);
    if (index >= 0) {
      taken.clear(index);
    }
  }

  /** How many pairs are not handed out (some may still be busy with other programs). */
  public synchronized int available() {
    return pairs.size() - taken.cardinality();
  }

  /** How many pairs the pool has in all. */
  public int size() {
    return pairs.size();
  }
}
