package io.sessionlauncher.engine.persist;

import io.sessionlauncher.engine.config.JsonValues;
import io.sessionlauncher.engine.files.AtomicFiles;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.SessionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live sessions, one file each, {@code <data_dir>/sessions/<id>.json}, written atomically and
 * readable only by the launcher's user (they hold the sessions' secrets). One file per session
 * keeps a change's cost independent of how many sessions run. Without a data folder nothing is
 * recorded.
 */
@ApplicationScoped
public class SessionStore {
  private static final Logger LOG = Logger.getLogger(SessionStore.class.getName());
  static final String FOLDER_NAME = "sessions";
  private static final String SUFFIX = ".json";
  private static final JsonProvider JSON = JsonProvider.provider();

  private Path folder;

  /** For CDI's proxy. */
  protected SessionStore() {}

  @Inject
  public SessionStore(LauncherConfig config) {
    this(config.configuration().supervision().dataDir());
  }

  /** A store in {@code dataDir}, or one that records nothing when it is {@code null}. */
  public SessionStore(Path dataDir) {
    this.folder = dataDir == null ? null : dataDir.toAbsolutePath().resolve(FOLDER_NAME);
  }

  /** Whether sessions are recorded at all. */
  public boolean enabled() {
    return folder != null;
  }

  /** Records a session, replacing its earlier record. */
  public void save(StoredSession session) {
    if (folder == null) {
      return;
    }
    StringWriter text = new StringWriter();
    try (var writer = JSON.createWriter(text)) {
      writer.write(toJson(session));
    }
    try {
      AtomicFiles.replace(recordOf(session.id()), text.toString(), "rw-------");
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "Cannot record session " + session.id() + " in " + folder, e);
    }
  }

  /** Forgets a session's record. */
  public void remove(String id) {
    if (folder == null) {
      return;
    }
    try {
      Files.deleteIfExists(recordOf(id));
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "Cannot remove the record of session " + id + " in " + folder, e);
    }
  }

  /** The recorded sessions; a record that cannot be read is reported and skipped. */
  public List<StoredSession> load() {
    List<StoredSession> sessions = new ArrayList<>();
    if (folder == null || !Files.isDirectory(folder)) {
      return sessions;
    }
    try (DirectoryStream<Path> records = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
      for (Path record : records) {
        try {
          StoredSession session = fromJson(Files.readString(record, StandardCharsets.UTF_8));
          if (isCanonical(session.id())
              && record.getFileName().toString().equals(fileName(session.id()))) {
            sessions.add(session);
          } else {
            // A forged or damaged record: its id must never become a path or a marker.
            LOG.severe(
                () ->
                    "The session record "
                        + record
                        + " does not hold its own canonical id; skipped");
          }
        } catch (IOException | RuntimeException e) {
          LOG.log(Level.SEVERE, "Cannot read the session record " + record + "; skipped", e);
        }
      }
    } catch (IOException e) {
      LOG.log(Level.SEVERE, "Cannot read the session records in " + folder, e);
    }
    return sessions;
  }

  /** Whether {@code id} is a session id written the one way the launcher writes one. */
  private static boolean isCanonical(String id) {
    return SessionId.parse(id).map(parsed -> parsed.toString().equals(id)).orElse(false);
  }

  private static String fileName(String id) {
    return id + SUFFIX;
  }

  /**
   * The record's file.
   *
   * @throws IllegalArgumentException for an id that is not canonical, which could name another file
   */
  private Path recordOf(String id) {
    if (!isCanonical(id)) {
      throw new IllegalArgumentException("Not a session id: " + id);
    }
    return folder.resolve(fileName(id));
  }

  private static StoredSession fromJson(String text) {
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      JsonObject object = reader.readObject();
      return new StoredSession(
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
          JsonValues.plainObject(object.getJsonObject("data")),
          object.getBoolean("ready", false),
          object.getString("reference", null),
          object.containsKey("addressHost")
              ? new HostPort(object.getString("addressHost"), object.getInt("addressPort"))
              : null,
          object.containsKey("pluginConfig")
              ? JsonValues.plainObject(object.getJsonObject("pluginConfig"))
              : null);
    }
  }

  private static JsonObject toJson(StoredSession session) {
    JsonObjectBuilder object =
        JSON.createObjectBuilder()
            .add("id", session.id())
            .add("application", session.application())
            .add("owner", session.owner())
            .add("host", session.resource().host())
            .add("port", session.resource().port())
            .add("pid", session.pid())
            .add("createdAt", session.createdAt().toString())
            .add("secretShared", session.secretShared())
            .add("data", JSON.createObjectBuilder(session.data()))
            .add("ready", session.ready());
    if (session.processStart() != null) {
      object.add("processStart", session.processStart().toString());
    }
    if (session.reference() != null) {
      object.add("reference", session.reference());
    }
    if (!session.address().equals(session.resource())) {
      object.add("addressHost", session.address().host());
      object.add("addressPort", session.address().port());
    }
    if (session.pluginConfig() != null) {
      object.add("pluginConfig", JSON.createObjectBuilder(session.pluginConfig()));
    }
    return object.build();
  }

  /** The records' folder, or {@code null}. */
  public Path path() {
    return folder;
  }
}
