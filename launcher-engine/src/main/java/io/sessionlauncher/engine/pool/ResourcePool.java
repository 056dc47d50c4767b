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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /** Pairs a {@link #resize} dropped while live sessions held them; gone once released. */
  private final Set<HostPort> retired = new HashSet<>();

  private PortProbe probe;

  /** For CDI's proxy. */
  protected ResourcePool() {}

  @Inject
  public ResourcePool(LauncherConfig config, PortProbe probe) {
    this(config.resources(), probe);
  }

  public ResourcePool(List<ResourceRange> ranges, PortProbe probe) {
    this.probe = probe;
    this.taken = new BitSet();
    use(ranges);
  }

  private void use(List<ResourceRange> ranges) {
    LinkedHashSet<HostPort> unique = new LinkedHashSet<>();
    for (ResourceRange range : ranges) {
      unique.addAll(range.pairs());
    }
    this.pairs = List.copyOf(new ArrayList<>(unique));
    this.indexes = new HashMap<>();
    for (int i = 0; i < pairs.size(); i++) {
      indexes.put(pairs.get(i), i);
    }
  }

  /**
   * Makes the pool hold the pairs of {@code ranges} from now on (a reloaded {@code resources}). A
   * pair held by a live session stays held wherever it is: one the new ranges keep is handed out
   * again only after its release, and one they drop leaves the pool at its release.
   */
  public synchronized void resize(List<ResourceRange> ranges) {
    Set<HostPort> held = new HashSet<>(retired);
    for (int i = taken.nextSetBit(0); i >= 0; i = taken.nextSetBit(i + 1)) {
      held.add(pairs.get(i));
    }
    use(ranges);
    taken = new BitSet(pairs.size());
    retired.clear();
    for (HostPort pair : held) {
      Integer index = indexes.get(pair);
      if (index == null) {
        retired.add(pair);
      } else {
        taken.set(index);
      }
    }
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
    } else {
      retired.remove(pair);
    }
  }

  /** How many pairs are not handed out (some may still be busy with other programs). */
  public synchronized int available() {
    return pairs.size() - taken.cardinality();
  }

  /** How many pairs the pool has in all. */
  public synchronized int size() {
    return pairs.size();
  }
}
