package io.sessionlauncher.rest.upload;

import io.sessionlauncher.model.RequestTooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads at most {@code limit} bytes of a request body and fails with {@link
 * RequestTooLargeException} on the first byte beyond, so a body larger than allowed is refused
 * after reading no more than the limit, whatever its declared length.
 */
final class LimitedInputStream extends FilterInputStream {
  private final long limit;
  private final String beyond;
  private long count;

  LimitedInputStream(InputStream in, long limit) {
    this(in, limit, null);
  }

  /** With the message of the refusal, or {@code null} for the body limit's own. */
  LimitedInputStream(InputStream in, long limit, String beyond) {
    super(in);
    this.limit = limit;
    this.beyond = beyond;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    // Ask for one byte past the limit at most, so crossing it is seen without reading further.
    int n = in.read(buffer, offset, (int) Math.min(length, limit - count + 1));
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = in.skip(Math.min(n, limit - count + 1));
    counted(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void counted(long n) {
    count += n;
    if (count > limit) {
      throw beyond == null
          ? new RequestTooLargeException(limit)
          : new RequestTooLargeException(beyond);
    }
  }
}
