package io.sessionlauncher.bench.measure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts an app's command straight from Java, without the launcher, and times it from just before
 * the spawn to the moment its ready line appears on its output: the app's own start-to-ready time,
 * which the launcher's latency is compared with.
 */
public final class DirectStart {
  private final List<String> argv;
  private final byte[] readyLine;

  public DirectStart(List<String> argv, String readyLine) {
    this.argv = List.copyOf(argv);
    this.readyLine = readyLine.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A started process, ready; closing it stops it.
   *
   * @param nanos from before the spawn until the ready line was read
   */
  public record Started(Process process, long nanos) implements AutoCloseable {
    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Starts the command and returns once it is ready.
   *
   * @throws IOException when it cannot start, or its output ends before the ready line
   */
  public Started start() throws IOException {
    long begin = System.nanoTime();
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    process.getOutputStream().close();
    try {
      awaitReadyLine(process.getInputStream());
    } catch (IOException e) {
      process.destroyForcibly();
      throw e;
    }
    return new Started(process, System.nanoTime() - begin);
  }

  private void awaitReadyLine(InputStream output) throws IOException {
    // Matched byte by byte as it arrives, not by lines: the launcher does not wait for a newline.
    int matched = 0;
    int next;
    while ((next = output.read()) >= 0) {
      if (next == (readyLine[matched] & 0xff)) {
        matched++;
        if (matched == readyLine.length) {
          return;
        }
      } else {
        matched = next == (readyLine[0] & 0xff) ? 1 : 0;
      }
    }
    throw new IOException("output of " + argv + " ended before its ready line");
  }
}
