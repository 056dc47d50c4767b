package io.sessionlauncher.engine.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Generated secrets: 24 letters and digits, never repeated. */
class SecretGeneratorTest {

  @Test
  void secretsAreLongAlphanumericAndUnique() {
    SecretGenerator secrets = new SecretGenerator();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String secret = secrets.next();
      assertEquals(24, secret.length());
      assertTrue(secret.matches("[A-Za-z0-9]+"), secret);
      assertTrue(seen.add(secret), "a secret came twice");
    }
  }
}
