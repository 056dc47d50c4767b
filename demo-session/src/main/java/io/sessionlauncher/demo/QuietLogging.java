package io.sessionlauncher.demo;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Undertow and XNIO from logging their start-up banners.
 *
 * <p>The launcher watches stdout for the ready line and measures how long it takes, so nothing but
 * warnings may be logged, and those go to stderr (the JDK console handler's stream).
 */
final class QuietLogging {
  private QuietLogging() {}

  /** Must run before any Undertow class is loaded: jboss-logging picks its backend only once. */
  static void apply() {
    // Naming the backend skips jboss-logging's search for log4j, logback and friends at start-up.
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "jdk");
    }
    // Whoever runs us with their own logging configuration file gets exactly what it says.
    if (System.getProperty("java.util.logging.config.file") == null
        && System.getProperty("java.util.logging.config.class") == null) {
      // The root logger is held by the LogManager for the life of the JVM, so this setting sticks.
      Logger.getLogger("").setLevel(Level.WARNING);
    }
  }
}
