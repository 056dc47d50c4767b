package io.sessionlauncher.engine.persist;

import io.sessionlauncher.engine.config.JsonValues;
import io.sessionlauncher.engine.files.AtomicFiles;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.LauncherConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live sessions, recorded in {@code <data_dir>/sessions.json} and replaced atomically on every
 * change, readable only by the launcher's user (it holds the sessions' secrets). Without a data
 * folder nothing is recorded.
 */
@ApplicationScoped
public class SessionStore {
  private static final Logger LOG = Logger.getLogger(SessionStore.class.getName());
  static final String FILE_NAME = "sessions.json";

  private Path file;

  /** For CDI's proxy. */
  protected SessionStore() {}

  @Inject
  public SessionStore(LauncherConfig config) {
    this(config.configuration().supervision().dataDir());
  }

  /** A store in {@code dataDir}, or one that records nothing when it is {@code null}. */
  public SessionStore(Path dataDir) {
    this.file = dataDir == null ? null : dataDir.toAbsolutePath().resolve(FILE_NAME);
  }

  /** Whether sessions are recorded at all. */
  public boolean enabled() {
    return file != null;
  }

  /** Replaces the record with exactly these sessions. */
  public synchronized void save(Collection<StoredSession> sessions) {
    if (file == null) {
      return;
    }
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (StoredSession session : sessions) {
      array.add(toJson(session));
    }
    StringWriter text = new StringWriter();
    try (var writer = Json.createWriter(text)) {
      writer.write(Json.createObjectBuilder().add("sessions", array).build());
    }
    try {
      AtomicFiles.replace(file, text.toString(), "rw-------");
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "Cannot record sessions in " + file, e);
    }
  }

  /** The recorded sessions; none when there is no record or it cannot be read. */
  @SuppressWarnings("unchecked")
  public synchronized List<StoredSession> load() {
    List<StoredSession> sessions = new ArrayList<>();
    if (file == null || !Files.exists(file)) {
      return sessions;
    }
    try (JsonReader reader =
        Json.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)))) {
      for (JsonValue value : reader.readObject().getJsonArray("sessions")) {
        JsonObject object = value.asJsonObject();
        sessions.add(
            new StoredSession(
                object.getString("id"),
                object.getString("application"),
                object.getString("owner"),
                new HostPort(object.getString("host"), object.getInt("port")),
                object.getJsonNumber("pid").longValue(),
                object.containsKey("processStart")
                    ? Instant.parse(object.getString("processStart"))
                    : null,
                Instant.parse(object.getString("createdAt")),
                object.getBoolean("secretShared", false),
                (Map<String, Object>) JsonValues.plain(object.getJsonObject("data")),
                object.getBoolean("ready", false)));
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.SEVERE, "Cannot read the session record " + file + "; starting without it", e);
    }
    return sessions;
  }

  private static JsonObject toJson(StoredSession session) {
    JsonObjectBuilder object =
        Json.createObjectBuilder()
            .add("id", session.id())
            .add("application", session.application())
            .add("owner", session.owner())
            .add("host", session.resource().host())
            .add("port", session.resource().port())
            .add("pid", session.pid())
            .add("createdAt", session.createdAt().toString())
            .add("secretShared", session.secretShared())
            .add("data", Json.createObjectBuilder(session.data()))
            .add("ready", session.ready());
    if (session.processStart() != null) {
      object.add("processStart", session.processStart().toString());
    }
    return object.build();
  }

  /** The record's path, or {@code null}. */
  public Path path() {
    return file;
  }
}
