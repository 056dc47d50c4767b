package io.sessionlauncher.engine.process;

/**
 * Finds a byte sequence in a stream fed in arbitrary chunks (Knuth-Morris-Pratt), so a ready line
 * split across two reads, or written without a line end, is still seen the moment it is complete.
 */
final class StreamMatcher {
  private final byte[] pattern;
  private final int[] fallback;
  private int matched;
  private boolean found;

  StreamMatcher(byte[] pattern) {
    if (pattern.length == 0) {
      throw new IllegalArgumentException("empty pattern");
    }
    this.pattern = pattern.clone();
    this.fallback = new int[pattern.length];
    for (int i = 1, k = 0; i < pattern.length; i++) {
      while (k > 0 && pattern[i] != pattern[k]) {
        k = fallback[k - 1];
      }
      if (pattern[i] == pattern[k]) {
        k++;
      }
      fallback[i] = k;
    }
  }

  /** Feeds a chunk; returns true once the pattern has been seen, in this chunk or before. */
  boolean feed(byte[] buffer, int offset, int length) {
    for (int i = offset; i < offset + length && !found; i++) {
      byte b = buffer[i];
      while (matched > 0 && b != pattern[matched]) {
        matched = fallback[matched - 1];
      }
      if (b == pattern[matched]) {
        matched++;
      }
      if (matched == pattern.length) {
        found = true;
      }
    }
    return found;
  }
}
