package io.sessionlauncher.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretGuardTest {
  private final SecretGuard guard = new SecretGuard("s3cret", exchange -> {});

  @Test
  void acceptsOnlyTheExactSecret() {
    assertTrue(guard.matches("s3cret"));
    assertFalse(guard.matches("s3cre"));
    assertFalse(guard.matches("s3cret "));
    assertFalse(guard.matches("S3CRET"));
    assertFalse(guard.matches(""));
  }
}
