package io.sessionlauncher.rest.upload;

import io.sessionlauncher.model.ConflictException;
import io.sessionlauncher.model.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The files of one upload. Each is written to a hidden temporary file in {@code upload_dir} and
 * renamed to its name only when the whole upload has been read, so no one ever sees a half-written
 * file, a refused upload (too large, malformed, cut short) stores nothing, and an existing file of
 * the same name is refused, or, when the upload asks to, replaced in one step. {@link #close()}
 * removes whatever was not committed.
 */
final class UploadBatch implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(UploadBatch.class.getName());

  /** Most files in one upload; each costs a temporary file until the upload ends. */
  static final int MAX_FILES = 1000;

  /** Prefix of the temporary files, hidden from plain listings. */
  static final String TEMP_PREFIX = ".upload-";

  /** A stored file: its name in {@code upload_dir} and its size in bytes. */
  record Stored(String name, long size) {}

  private record Staged(Path temp, long size) {}

  private final Path folder;
  private final boolean replace;
  private final Map<String, Staged> staged = new LinkedHashMap<>();

  private UploadBatch(Path folder, boolean replace) {
    this.folder = folder;
    this.replace = replace;
  }

  /**
   * Starts an upload into {@code folder}, creating it if needed.
   *
   * @param replace whether files of the same name are replaced rather than refused
   */
  static UploadBatch into(Path folder, boolean replace) throws IOException {
    Files.createDirectories(folder);
    return new UploadBatch(folder, replace);
  }

  private ConflictException exists(String name) {
    return new ConflictException(
        "The file \""
            + name
            + "\" exists already; upload with ?replace=true to replace it. Nothing was stored");
  }

  /** Whether no file has been added. */
  boolean isEmpty() {
    return staged.isEmpty();
  }

  /**
   * Writes {@code content} to a temporary file for {@code name}, a checked base name. A second file
   * of the same name in one upload replaces the first.
   */
  void add(String name, InputStream content) throws IOException {
    if (Files.isDirectory(folder.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidRequestException(
          "The uploaded file \"" + name + "\" cannot replace the folder of that name");
    }
    if (!replace && Files.exists(folder.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
      // Refused before its content is read: nothing of the upload is stored.
      throw exists(name);
    }
    discard(staged.remove(name));
    if (staged.size() >= MAX_FILES) {
      throw new InvalidRequestException("An upload holds at most " + MAX_FILES + " files");
    }
    Path temp = folder.resolve(TEMP_PREFIX + UUID.randomUUID() + ".part");
    // CREATE_NEW: never writes through a link someone left at that name.
    try (FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      staged.put(name, new Staged(temp, -1));
      OutputStream out = Channels.newOutputStream(channel);
      long size = content.transferTo(out);
      // On disk before the rename makes it visible, so a crash cannot show a short file.
      channel.force(true);
      staged.put(name, new Staged(temp, size));
    }
  }

  /** Renames every file to its name, in the order they came, and returns what was stored. */
  List<Stored> commit() throws IOException {
    List<Stored> stored = new ArrayList<>();
    var entries = staged.entrySet().iterator();
    while (entries.hasNext()) {
      var entry = entries.next();
      // A rename within the folder: atomic, and it replaces the entry itself, never a link's
      // target.
      Path target = folder.resolve(entry.getKey());
      if (replace) {
        Files.move(entry.getValue().temp(), target, StandardCopyOption.ATOMIC_MOVE);
      } else {
        // A link fails if the name was taken meanwhile, where a rename would replace it.
        try {
          Files.createLink(target, entry.getValue().temp());
        } catch (FileAlreadyExistsException e) {
          throw exists(entry.getKey());
        }
        Files.delete(entry.getValue().temp());
      }
      entries.remove();
      stored.add(new Stored(entry.getKey(), entry.getValue().size()));
    }
    return stored;
  }

  /** Removes the temporary files of whatever was not committed. */
  @Override
  public void close() {
    staged.values().forEach(UploadBatch::discard);
    staged.clear();
  }

  private static void discard(Staged staged) {
    if (staged == null) {
      return;
    }
    try {
      Files.deleteIfExists(staged.temp());
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot remove the temporary upload file " + staged.temp(), e);
    }
  }
}
