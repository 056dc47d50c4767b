package io.sessionlauncher.engine.session;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;

/** Session secrets from a secure random generator (the reference uses a predictable one). */
@ApplicationScoped
public class SecretGenerator {
  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final int LENGTH = 24;

  private final SecureRandom random = new SecureRandom();

  /** A new secret of 24 letters and digits (about 143 bits). */
  public String next() {
    char[] secret = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      secret[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(secret);
  }
}
