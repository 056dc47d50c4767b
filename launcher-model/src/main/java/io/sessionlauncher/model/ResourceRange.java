package io.sessionlauncher.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code resources}: a host and an inclusive range of ports on it.
 *
 * @param host the host sessions of this range run on
 * @param firstPort first port, inclusive
 * @param lastPort last port, inclusive, not below {@code firstPort}
 */
public record ResourceRange(String host, int firstPort, int lastPort) {
  public ResourceRange {
    Objects.requireNonNull(host, "host");
    if (firstPort < 1 || lastPort > 65535 || firstPort > lastPort) {
      throw new IllegalArgumentException("bad port range [" + firstPort + ", " + lastPort + "]");
    }
  }

  /** Every pair of the range, in port order. */
  public List<HostPort> pairs() {
    List<HostPort> pairs = new ArrayList<>(lastPort - firstPort + 1);
    for (int port = firstPort; port <= lastPort; port++) {
      pairs.add(new HostPort(host, port));
    }
    return pairs;
  }
}
