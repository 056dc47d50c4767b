package io.sessionlauncher.rest.content;

import io.sessionlauncher.rest.http.PathSegments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds what a request path names inside the {@code content} folder, and never anything outside it.
 * Each segment must be a plain name ({@link PathSegments}); the result is then resolved with {@link
 * Path#toRealPath} and must still lie under the folder's own real path, so a symbolic link pointing
 * out of the folder is as unreachable as {@code ..}.
 */
final class ContentFolder {
  /** The page a folder stands for. */
  static final String INDEX = "index.html";

  private final Path root;

  ContentFolder(Path root) {
    this.root = Objects.requireNonNull(root, "root");
  }

  /** What a lookup found. */
  enum Kind {
    /** A regular, readable file inside the folder. */
    FILE,
    /** A folder inside the content folder that holds an {@value #INDEX}. */
    FOLDER,
    /** Nothing that may be served. */
    MISSING
  }

  /**
   * The result of a lookup.
   *
   * @param kind what was found
   * @param file the real path of the file to send, for {@link Kind#FILE}
   * @param name the file's name as requested (a link's name, not its target's), for {@link
   *     Kind#FILE}
   * @param index where the folder's index page is, relative to the content root and still encoded,
   *     for {@link Kind#FOLDER}
   */
  record Lookup(Kind kind, Path file, String name, String index) {
    static final Lookup MISSING = new Lookup(Kind.MISSING, null, null, null);
  }

  /**
   * Looks up {@code rawPath}: the request path relative to the content root, still percent-encoded,
   * without a leading slash. A trailing slash asks for a folder.
   */
  Lookup find(String rawPath) {
    boolean folderAsked = rawPath.endsWith("/");
    String trimmed = folderAsked ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
    Optional<Path> rootReal = realPath(root);
    if (rootReal.isEmpty()) {
      return Lookup.MISSING;
    }
    Path candidate = rootReal.get();
    String last = "";
    if (!trimmed.isEmpty()) {
      for (String raw : trimmed.split("/", -1)) {
        Optional<String> name = PathSegments.decode(raw).filter(PathSegments::isPlainName);
        if (name.isEmpty()) {
          return Lookup.MISSING;
        }
        candidate = candidate.resolve(name.get());
        last = name.get();
      }
    }
    Optional<Path> real = inside(rootReal.get(), candidate);
    if (real.isEmpty()) {
      return Lookup.MISSING;
    }
    if (isServable(real.get())) {
      return folderAsked ? Lookup.MISSING : new Lookup(Kind.FILE, real.get(), last, null);
    }
    if (Files.isDirectory(real.get())
        && inside(rootReal.get(), real.get().resolve(INDEX)).filter(this::isServable).isPresent()) {
      return new Lookup(Kind.FOLDER, null, null, (trimmed.isEmpty() ? "" : trimmed + "/") + INDEX);
    }
    return Lookup.MISSING;
  }

  private boolean isServable(Path path) {
    // A FIFO or device would block or stream forever; only regular files are content.
    return Files.isRegularFile(path) && Files.isReadable(path);
  }

  /** The real path of {@code candidate} if it exists and lies under {@code rootReal}. */
  private static Optional<Path> inside(Path rootReal, Path candidate) {
    return realPath(candidate).filter(real -> real.startsWith(rootReal));
  }

  private static Optional<Path> realPath(Path path) {
    try {
      return Optional.of(path.toRealPath());
    } catch (IOException | SecurityException e) {
      // Missing, unreadable parent, or a link loop: all mean "nothing to serve here".
      return Optional.empty();
    }
  }
}
