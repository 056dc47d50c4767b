package io.sessionlauncher.engine.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
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
    replace(file, content, newFilePermissions, false, null);
  }

  /**
   * @param permissions permissions of a new file, e.g. {@code rw-r-----}; of every file when {@code
   *     enforced}
   * @param group the group of the file and of the folders created for it, or {@code null} to keep
   *     the old file's (the user's default for new ones)
   */
  public static void replace(
      Path file, CharSequence content, String permissions, boolean enforced, String group)
      throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    GroupPrincipal owners = group == null ? null : lookUp(file, group);
    createFolder(folder, permissions, owners);
    Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(temporary, content, StandardCharsets.UTF_8);
      copyAttributes(file, temporary, enforced ? null : permissions);
      PosixFileAttributeView view =
          Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
      if (view != null) {
        if (enforced) {
          view.setPermissions(PosixFilePermissions.fromString(permissions));
        }
        if (owners != null) {
          view.setGroup(owners);
        }
      }
      move(temporary, file);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static GroupPrincipal lookUp(Path file, String group) throws IOException {
    return file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(group);
  }

  /**
   * Creates missing folders that whoever may read the file can pass through, and nobody else: a
   * server's umask (Liberty's is {@code o=}) would otherwise hide a proxy file from the proxy's
   * user, and a default umask would show a private file's folder to every user. A file {@code
   * rw-r-----} gets folders {@code rwxr-x---}.
   */
  private static void createFolder(Path folder, String filePermissions, GroupPrincipal group)
      throws IOException {
    if (Files.isDirectory(folder)) {
      return;
    }
    Path parent = folder.getParent();
    if (parent != null) {
      createFolder(parent, filePermissions, group);
    }
    try {
      Files.createDirectory(folder);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      return;
    }
    PosixFileAttributeView view = Files.getFileAttributeView(folder, PosixFileAttributeView.class);
    if (view != null) {
      boolean groupRead = filePermissions.charAt(3) == 'r';
      boolean othersRead = filePermissions.charAt(6) == 'r';
      view.setPermissions(
          PosixFilePermissions.fromString(
              "rwx" + (groupRead ? "r-x" : "---") + (othersRead ? "r-x" : "---")));
      if (group != null) {
        view.setGroup(group);
      }
    }
  }

  /** The old file's group, and its permissions unless {@code newFilePermissions} is null. */
  private static void copyAttributes(Path file, Path temporary, String newFilePermissions)
      throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    if (!Files.exists(file)) {
      if (newFilePermissions != null) {
        view.setPermissions(PosixFilePermissions.fromString(newFilePermissions));
      }
      return;
    }
    PosixFileAttributes old = Files.readAttributes(file, PosixFileAttributes.class);
    if (newFilePermissions != null) {
      view.setPermissions(old.permissions());
    }
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
