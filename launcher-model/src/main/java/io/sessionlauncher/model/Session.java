package io.sessionlauncher.model;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of one session. Sessions change state over time; each change produces a new snapshot
 * rather than mutating this one.
 *
 * @param id the session's id
 * @param application the application it runs
 * @param owner who asked for it
 * @param resource the host/port pair it holds
 * @param state where it is in its life
 * @param data every key of the session as the reference builds it: the request's keys, {@code id},
 *     {@code host}, {@code port}, {@code secret}, {@code sessionURL}, {@code cmd} and the {@code
 *     sessionData} keys
 * @param secretShared whether the secret appears in the command, so the client needs it
 * @param createdAt when the session was created
 * @param endedAt when it ended, or {@code null}
 * @param exitCode the process's exit code once ended, or {@code null}
 * @param endCause why it ended, or {@code null} while it runs
 * @param address where the session is reached: {@code resource}, unless its product chose its own
 *     host and port (a batch job on a compute node) and reported it once ready
 * @param status the product's own word on where it stands (e.g. {@code Slurm job 12 PENDING
 *     (Resources)}), or {@code null} when its plugin says nothing beyond the state
 */
public record Session(
    SessionId id,
    String application,
    String owner,
    HostPort resource,
    SessionState state,
    Map<String, Object> data,
    boolean secretShared,
    Instant createdAt,
    Instant endedAt,
    Integer exitCode,
    EndCause endCause,
    HostPort address,
    String status) {

  public Session {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    if (address == null) {
      address = resource;
    }
  }

  /** A session reached at its {@code resource}, with no status of its product's. */
  public Session(
      SessionId id,
      String application,
      String owner,
      HostPort resource,
      SessionState state,
      Map<String, Object> data,
      boolean secretShared,
      Instant createdAt,
      Instant endedAt,
      Integer exitCode,
      EndCause endCause) {
    this(
        id,
        application,
        owner,
        resource,
        state,
        data,
        secretShared,
        createdAt,
        endedAt,
        exitCode,
        endCause,
        resource,
        null);
  }

  /** This session reached at {@code newAddress}, all else equal. */
  public Session withAddress(HostPort newAddress) {
    return new Session(
        id,
        application,
        owner,
        resource,
        state,
        data,
        secretShared,
        createdAt,
        endedAt,
        exitCode,
        endCause,
        newAddress,
        status);
  }

  /** This session with the keys {@code newData}, all else equal. */
  public Session withData(Map<String, Object> newData) {
    return new Session(
        id,
        application,
        owner,
        resource,
        state,
        newData,
        secretShared,
        createdAt,
        endedAt,
        exitCode,
        endCause,
        address,
        status);
  }

  /** This session with its product's {@code newStatus} (or none), all else equal. */
  public Session withStatus(String newStatus) {
    return new Session(
        id,
        application,
        owner,
        resource,
        state,
        data,
        secretShared,
        createdAt,
        endedAt,
        exitCode,
        endCause,
        address,
        newStatus);
  }

  /** This session in another state, all else equal. */
  public Session withState(SessionState newState) {
    return new Session(
        id,
        application,
        owner,
        resource,
        newState,
        data,
        secretShared,
        createdAt,
        endedAt,
        exitCode,
        endCause,
        address,
        status);
  }

  /** This session ended, with its exit code (or {@code null}) and cause. */
  public Session ended(Instant when, Integer code, EndCause cause) {
    return new Session(
        id,
        application,
        owner,
        resource,
        SessionState.ENDED,
        data,
        secretShared,
        createdAt,
        when,
        code,
        cause,
        address,
        status);
  }

  /**
   * What a client may see: the configured {@code fields} plus {@code id}, {@code sessionURL},
   * {@code sessionManagerURL}, and {@code secret} when the command uses it. Never {@code cmd}
   * unless an operator lists it in {@code fields}.
   */
  public Map<String, Object> publicView(Collection<String> fields) {
    Map<String, Object> view = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : data.entrySet()) {
      String key = entry.getKey();
      boolean visible =
          fields.contains(key)
              || key.equals("id")
              || key.equals("sessionURL")
              || key.equals("sessionManagerURL")
              || (secretShared && key.equals("secret"));
      if (visible) {
        view.put(key, entry.getValue());
      }
    }
    return view;
  }
}
