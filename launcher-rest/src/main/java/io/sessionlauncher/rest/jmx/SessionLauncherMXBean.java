package io.sessionlauncher.rest.jmx;

/**
 * The launcher as the server's management tools see it, under {@value #OBJECT_NAME}: jconsole or
 * any JMX client, locally or through Liberty's REST connector. An MXBean, so a client needs none of
 * the launcher's classes: a session is an open-type composite.
 */
public interface SessionLauncherMXBean {
  /** The name the launcher's MBean is registered under while the application runs. */
  String OBJECT_NAME = "io.sessionlauncher:type=SessionLauncher";

  /** Sessions live now: starting, ready or stopping. */
  int getLiveSessions();

  /** Host/port pairs not held by a session. */
  int getFreeResources();

  /** Host/port pairs in the pool. */
  int getTotalResources();

  /** Sessions that got ready since the application started. */
  long getStarts();

  /** Sessions that ended before they were ready since the application started. */
  long getStartFailures();

  /** Every live session, oldest first. */
  SessionInfo[] listSessions();

  /**
   * Stops one session, as {@code DELETE /<endpoint>/<id>} does.
   *
   * @return the state the session is in now ({@code ended}), or {@code unknown} for an id no
   *     session has
   */
  String stopSession(String id);

  /**
   * Stops every live session.
   *
   * @return how many were stopped
   */
  int stopAllSessions();

  /**
   * Reads {@code launcher.json} again and puts it in force, as {@code POST /admin/reload} does: the
   * file is checked as at start-up first, and one that fails a check, or changes a key a running
   * launcher cannot take over, changes nothing.
   *
   * @return what changed: applications added, removed (their live sessions run on) and changed, and
   *     the pool's size before and after
   * @throws IllegalStateException when the file is refused, naming the file and the key
   */
  String reloadConfiguration();
}
