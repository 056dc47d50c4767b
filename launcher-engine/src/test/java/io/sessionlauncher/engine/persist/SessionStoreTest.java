package io.sessionlauncher.engine.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.model.SessionId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session records are read only when they hold their own canonical id. */
class SessionStoreTest {
  @TempDir Path dir;

  private static StoredSession record(String id) {
    return new StoredSession(
        id,
        "viz",
        "tester",
        new HostPort("127.0.0.1", 9001),
        12345,
        Instant.EPOCH,
        Instant.EPOCH,
        false,
        Map.of(),
        true);
  }

  private Path folder() {
    return dir.resolve(SessionStore.FOLDER_NAME);
  }

  @Test
  void aRecordIsReadBack() {
    SessionStore store = new SessionStore(dir);
    StoredSession saved = record(SessionId.random().toString());
    store.save(saved);

    assertEquals(List.of(saved), store.load());
  }

  @Test
  void aRecordUnderAnotherNameOrWithAForgedIdIsNeverRead() throws IOException {
    SessionStore store = new SessionStore(dir);
    String real = SessionId.random().toString();
    store.save(record(real));
    String text = Files.readString(folder().resolve(real + ".json"));
    Files.delete(folder().resolve(real + ".json"));
    // The same record copied under another session's name.
    Files.writeString(folder().resolve(SessionId.random() + ".json"), text);
    // Forged ids: a path, and a UUID written another way.
    Files.writeString(
        folder().resolve("forged.json"), text.replace(real, "../../../../tmp/forged"));
    String upper = real.toUpperCase(Locale.ROOT);
    Files.writeString(folder().resolve(upper + ".json"), text.replace(real, upper));

    assertEquals(List.of(), store.load());
  }

  @Test
  void aNonCanonicalIdNeverNamesAFile() {
    SessionStore store = new SessionStore(dir);

    assertThrows(IllegalArgumentException.class, () -> store.remove("../../escape"));
    assertThrows(IllegalArgumentException.class, () -> store.save(record("../escape")));
    assertTrue(Files.notExists(dir.resolve("escape.json")));
  }
}
