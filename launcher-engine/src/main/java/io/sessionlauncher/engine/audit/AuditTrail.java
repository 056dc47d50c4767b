package io.sessionlauncher.engine.audit;

import io.sessionlauncher.engine.session.SessionChange;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.SessionState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit trail: one JSON object per line in {@code audit_file} for every start, stop, end (with
 * its cause) and refused request. The file is readable by the server's user only, as it names who
 * used what from where. A line that cannot be written is reported in the server log and the request
 * goes on: an unwritable trail must not take the launcher down.
 */
@ApplicationScoped
public class AuditTrail {
  private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());
  private static final JsonProvider JSON = JsonProvider.provider();

  private Path file;
  private Clock clock;
  private Event<AuditEvent> events;
  private final Object lock = new Object();

  /** For CDI's proxy. */
  protected AuditTrail() {}

  @Inject
  public AuditTrail(LauncherConfig config, Clock clock, Event<AuditEvent> events) {
    this.file = config.configuration().access().auditFile();
    this.clock = clock;
    this.events = events;
  }

  /** Appends an event that happens now. */
  public void record(
      String action,
      String user,
      String application,
      String sessionId,
      String client,
      String outcome) {
    record(new AuditEvent(clock.instant(), action, user, application, sessionId, client, outcome));
  }

  /** Appends one event as one line. */
  public void record(AuditEvent event) {
    String line = toJson(event) + "\n";
    synchronized (lock) {
      try {
        create();
        Files.writeString(
            file,
            line,
            StandardCharsets.UTF_8,
            StandardOpenOption.APPEND,
            StandardOpenOption.WRITE);
      } catch (IOException | UnsupportedOperationException e) {
        LOG.log(Level.WARNING, "Cannot write the audit trail " + file + ": " + e);
      }
    }
    try {
      events.fire(event);
    } catch (RuntimeException e) {
      // As for the file: what only counts the events must not fail the request.
      LOG.log(Level.WARNING, "An observer of the audit trail failed", e);
    }
  }

  /** Every end, whatever its cause, is one line; the owner is the user. */
  void onChange(@Observes SessionChange change) {
    if (change.state() != SessionState.ENDED) {
      return;
    }
    var session = change.session();
    String cause =
        session.endCause() == null ? "ended" : session.endCause().name().toLowerCase(Locale.ROOT);
    record(
        new AuditEvent(
            session.endedAt() == null ? clock.instant() : session.endedAt(),
            "end",
            session.owner(),
            session.application(),
            session.id().toString(),
            null,
            cause));
  }

  private void create() throws IOException {
    if (Files.exists(file)) {
      return;
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    try {
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException e) {
      // Made by another launcher on the same folder in the meantime: append to it.
    }
  }

  private static String toJson(AuditEvent event) {
    JsonObjectBuilder object =
        JSON.createObjectBuilder()
            .add("time", event.time().toString())
            .add("action", event.action())
            .add("user", event.user());
    addIfPresent(object, "application", event.application());
    addIfPresent(object, "sessionId", event.sessionId());
    addIfPresent(object, "client", event.client());
    object.add("outcome", event.outcome());
    StringWriter text = new StringWriter();
    try (var writer = JSON.createWriter(text)) {
      writer.write(object.build());
    }
    return text.toString();
  }

  private static void addIfPresent(JsonObjectBuilder object, String name, String value) {
    if (value != null) {
      object.add(name, value);
    }
  }
}
