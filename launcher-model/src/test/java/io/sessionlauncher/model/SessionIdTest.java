package io.sessionlauncher.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Session ids are random (version 4) UUIDs, not the reference's time-based version 1. */
class SessionIdTest {

  @Test
  void idsAreRandomVersion4Uuids() {
    Set<SessionId> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      SessionId id = SessionId.random();
      assertEquals(4, id.value().version());
      assertEquals(2, id.value().variant());
      assertTrue(seen.add(id), "an id came twice");
    }
  }

  @Test
  void onlyUuidsParse() {
    SessionId id = SessionId.random();
    assertEquals(id, SessionId.parse(id.toString()).orElseThrow());
    assertTrue(SessionId.parse("not-a-uuid").isEmpty());
    assertTrue(SessionId.parse("../../etc/passwd").isEmpty());
    assertTrue(SessionId.parse(null).isEmpty());
    assertNotEquals(SessionId.random(), SessionId.random());
  }
}
