package io.sessionlauncher.engine.plugin;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The messages one class logs while open, at WARNING and above. */
final class LogRecorder extends Handler implements AutoCloseable {
  private final Logger logger;
  private final List<String> warnings = new CopyOnWriteArrayList<>();

  private LogRecorder(Logger logger) {
    this.logger = logger;
    setLevel(Level.WARNING);
    logger.addHandler(this);
  }

  static LogRecorder of(Class<?> source) {
    return new LogRecorder(Logger.getLogger(source.getName()));
  }

  @Override
  public void publish(LogRecord record) {
    if (isLoggable(record)) {
      warnings.add(record.getMessage());
    }
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
