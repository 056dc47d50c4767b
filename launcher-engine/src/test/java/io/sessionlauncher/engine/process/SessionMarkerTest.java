package io.sessionlauncher.engine.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The marker is found only as a whole entry of an environment block. */
class SessionMarkerTest {
  private static final SessionMarker MARKER =
      SessionMarker.of("0f4a3b2c-aaaa-bbbb-cccc-0123456789ab");

  private static boolean in(String environ) {
    byte[] bytes = environ.getBytes(StandardCharsets.US_ASCII);
    return MARKER.isIn(bytes, bytes.length);
  }

  @Test
  void isFoundFirstInTheMiddleAndLast() {
    String entry = "SESSION_LAUNCHER_SESSION=0f4a3b2c-aaaa-bbbb-cccc-0123456789ab\0";
    assertTrue(in(entry + "HOME=/h\0"));
    assertTrue(in("HOME=/h\0" + entry + "PATH=/bin\0"));
    assertTrue(in("HOME=/h\0" + entry));
  }

  @Test
  void aLongerValueAnotherNameOrAValueInsideAnotherEntryIsNotIt() {
    assertFalse(in("SESSION_LAUNCHER_SESSION=0f4a3b2c-aaaa-bbbb-cccc-0123456789abX\0"));
    assertFalse(in("X_SESSION_LAUNCHER_SESSION=0f4a3b2c-aaaa-bbbb-cccc-0123456789ab\0"));
    assertFalse(in("A=SESSION_LAUNCHER_SESSION=0f4a3b2c-aaaa-bbbb-cccc-0123456789ab\0"));
    assertFalse(in(""));
  }

  @Test
  void aValueThatCouldReachIntoAnotherEntryIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> SessionMarker.of("abc\0HOME=/tmp"));
    assertThrows(IllegalArgumentException.class, () -> SessionMarker.of("short"));
  }
}
