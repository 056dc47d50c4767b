package io.sessionlauncher.rest.jmx;

import io.sessionlauncher.model.Session;
import java.beans.ConstructorProperties;
import java.util.Locale;

/**
 * One session as a JMX client sees it. A class with getters rather than a record: the MXBean
 * mapping to an open-type composite goes by getter names.
 */
public final class SessionInfo {
  private final String id;
  private final String application;
  private final String owner;
  private final String state;
  private final String resource;
  private final String createdAt;

  @ConstructorProperties({"id", "application", "owner", "state", "resource", "createdAt"})
  public SessionInfo(
      String id,
      String application,
      String owner,
      String state,
      String resource,
      String createdAt) {
    this.id = id;
    this.application = application;
    this.owner = owner;
    this.state = state;
    this.resource = resource;
    this.createdAt = createdAt;
  }

  static SessionInfo of(Session session) {
    return new SessionInfo(
        session.id().toString(),
        session.application(),
        session.owner(),
        session.state().name().toLowerCase(Locale.ROOT),
        session.resource().toString(),
        session.createdAt().toString());
  }

  public String getId() {
    return id;
  }

  public String getApplication() {
    return application;
  }

  public String getOwner() {
    return owner;
  }

  public String getState() {
    return state;
  }

  /** {@code host:port}. */
  public String getResource() {
    return resource;
  }

  /** ISO-8601 instant. */
  public String getCreatedAt() {
    return createdAt;
  }
}
