package io.sessionlauncher.engine.pool;

import io.sessionlauncher.model.HostPort;

/** Tells whether another program already listens on a pair, so the pool can skip it. */
@FunctionalInterface
public interface PortProbe {

  /** Whether nothing listens on the pair, as far as this machine can tell. */
  boolean isFree(HostPort pair);
}
