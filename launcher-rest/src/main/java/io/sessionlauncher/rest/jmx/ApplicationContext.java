package io.sessionlauncher.rest.jmx;

import jakarta.enterprise.concurrent.ContextService;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The application's thread context for calls that arrive on the server's own threads. A JMX
 * client's call runs on a thread of the connector, which has none of the application's context: its
 * class loader, naming and component. Work the launcher does there (registering a new application's
 * metrics, whose buckets the application's MicroProfile Config sets) must run as the application's
 * all the same.
 */
final class ApplicationContext {
  static final String CONTEXT_SERVICE = "java:comp/DefaultContextService";
  private static final Logger LOG = Logger.getLogger(ApplicationContext.class.getName());

  private ApplicationContext() {}

  /**
   * {@code target} behind a proxy that runs each call with the context of the thread calling this
   * method (the application's, when called while it starts); {@code target} itself outside a
   * container, where every thread has what the launcher needs.
   */
  @SuppressWarnings("BanJNDI") // looks up the one fixed java:comp name above, never input
  static <T> T captured(T target, Class<T> type) {
    Object found;
    try {
      found = new InitialContext().lookup(CONTEXT_SERVICE);
    } catch (NamingException e) {
      LOG.fine(() -> "No " + CONTEXT_SERVICE + " (" + e + "); calls run on the caller's context");
      return target;
    }
    // In a container without a usable context service, JMX calls would run without the
    // application's configuration (a reload's new metrics with the wrong buckets): said loudly.
    if (!(found instanceof ContextService context)) {
      LOG.warning(
          CONTEXT_SERVICE
              + " is not a ContextService but "
              + (found == null ? "null" : found.getClass().getName())
              + ": JMX calls run without the application's context");
      return target;
    }
    try {
      return context.createContextualProxy(target, type);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Cannot run JMX calls with the application's context; they run without it",
          e);
      return target;
    }
  }
}
