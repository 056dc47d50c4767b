package io.sessionlauncher.engine.persist;

import io.sessionlauncher.model.HostPort;
import java.time.Instant;
import java.util.Map;

/**
 * What a launcher records of a live session so that, restarted, it can find the session's process
 * again and prove it is the same one: pid plus the process's start time.
 *
 * @param id the session id
 * @param application the application's name
 * @param owner who asked for it
 * @param resource its host/port pair
 * @param pid the process id, or -1 for a product without a process
 * @param processStart the process's start time as the operating system reports it, or {@code null}
 * @param createdAt when the session was created
 * @param secretShared whether the client was given the secret
 * @param data the session's keys
 * @param ready whether the session had been reported ready to its client
 * @param reference what its plugin finds it again by, for a product without a local process (a
 *     batch job's id), or {@code null}
 * @param address where the session is reached, when its product chose it; else {@code resource}
 * @param pluginConfig the session's plugin configuration values, to adopt it by {@code reference};
 *     {@code null} without a reference
 */
public record StoredSession(
    String id,
    String application,
    String owner,
    HostPort resource,
    long pid,
    Instant processStart,
    Instant createdAt,
    boolean secretShared,
    Map<String, Object> data,
    boolean ready,
    String reference,
    HostPort address,
    Map<String, Object> pluginConfig) {

  public StoredSession {
    if (address == null) {
      address = resource;
    }
  }

  /** A record of a session found again by its process (pid and start time). */
  public StoredSession(
      String id,
      String application,
      String owner,
      HostPort resource,
      long pid,
      Instant processStart,
      Instant createdAt,
      boolean secretShared,
      Map<String, Object> data,
      boolean ready) {
    this(
        id,
        application,
        owner,
        resource,
        pid,
        processStart,
        createdAt,
        secretShared,
        data,
        ready,
        null,
        resource,
        null);
  }
}
