package io.sessionlauncher.engine.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file's whole content atomically: a temporary file in the same folder, then a rename,
 * so a reader sees the old content or the new, never half. The old file's permissions and group are
 * kept; a new file gets the permissions given.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * @param newFilePermissions permissions of a file that did not exist, e.g. {@code rw-r--r--}
   */
  public static void replace(Path file, CharSequence content, String newFilePermissions)
      throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    createFolder(folder, newFilePermissions);
    Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(temporary, content, StandardCharsets.UTF_8);
      copyAttributes(file, temporary, newFilePermissions);
      move(temporary, file);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Creates missing folders readable by whoever may read the file: a server's umask (Liberty's is
   * {@code o=}) would otherwise hide a proxy file from the proxy's user.
   */
  private static void createFolder(Path folder, String filePermissions) throws IOException {
    if (Files.isDirectory(folder)) {
      return;
    }
    Path parent = folder.getParent();
    if (parent != null) {
      createFolder(parent, filePermissions);
    }
    try {
      Files.createDirectory(folder);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      return;
    }
    PosixFileAttributeView view = Files.getFileAttributeView(folder, PosixFileAttributeView.class);
    if (view != null) {
      boolean othersRead = filePermissions.charAt(6) == 'r';
      view.setPermissions(PosixFilePermissions.fromString(othersRead ? "rwxr-xr-x" : "rwx------"));
    }
  }

  private static void copyAttributes(Path file, Path temporary, String newFilePermissions)
      throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    if (!Files.exists(file)) {
      view.setPermissions(PosixFilePermissions.fromString(newFilePermissions));
      return;
    }
    PosixFileAttributes old = Files.readAttributes(file, PosixFileAttributes.class);
    view.setPermissions(old.permissions());
    try {
      view.setGroup(old.group());
    } catch (IOException e) {
      // Only the owner's own groups can be set; the default group stays then.
    }
  }

  private static void move(Path temporary, Path file) throws IOException {
    try {
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
