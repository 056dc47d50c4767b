package io.sessionlauncher.rest.upload;

import io.sessionlauncher.model.LauncherConfig;
import io.sessionlauncher.model.RequestTooLargeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Keeps {@code upload_dir} within {@code upload_quota}: each upload reserves what it may still
 * write (what the folder holds and what uploads under way reserved count against the quota), so
 * that concurrent uploads cannot fill the disk together either.
 */
@ApplicationScoped
public class UploadQuota {
  private Long quota;
  private long reserved;

  /** For CDI's proxy. */
  protected UploadQuota() {}

  @Inject
  public UploadQuota(LauncherConfig config) {
    this.quota = config.configuration().http().uploadQuotaBytes();
  }

  /** Bytes reserved for one upload, given back when it is closed. */
  public final class Reservation implements AutoCloseable {
    private final long bytes;
    private final boolean byQuota;
    private boolean closed;

    private Reservation(long bytes, boolean byQuota) {
      this.bytes = bytes;
      this.byQuota = byQuota;
    }

    /** How many bytes the upload may read. */
    public long bytes() {
      return bytes;
    }

    /** Whether the quota, rather than {@code max_upload_size}, limits this upload. */
    public boolean byQuota() {
      return byQuota;
    }

    @Override
    public void close() {
      synchronized (UploadQuota.this) {
        if (!closed && quota != null) {
          reserved -= bytes;
        }
        closed = true;
      }
    }
  }

  /**
   * Reserves up to {@code wanted} bytes in {@code folder}.
   *
   * @throws RequestTooLargeException naming the quota when the folder has no room left
   */
  public synchronized Reservation reserve(Path folder, long wanted) {
    if (quota == null) {
      return new Reservation(wanted, false);
    }
    long available = quota - sizeOf(folder) - reserved;
    if (available <= 0) {
      throw new RequestTooLargeException(full());
    }
    long granted = Math.min(wanted, available);
    reserved += granted;
    return new Reservation(granted, granted < wanted);
  }

  /** The message of an upload that would go past the quota. */
  public String full() {
    return "The upload folder is full: it may hold " + quota + " bytes in all (upload_quota)";
  }

  private static long sizeOf(Path folder) {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(UploadQuota::size).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot measure the upload folder " + folder, e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // removed while counting
    }
  }
}
