package io.sessionlauncher.model;

import java.util.regex.Pattern;

/**
 * Who may read the proxy mapping file: the reverse proxy runs as another user.
 *
 * @param permissions the file's permissions as {@code ls} shows them (e.g. {@code rw-r-----}),
 *     applied at every write ({@code proxy_file_mode}); {@code null} for the default: a new file
 *     {@code rw-r-----}, an existing one keeping its own
 * @param group the group given to the file and the folders the launcher creates for it ({@code
 *     proxy_file_group}), or {@code null} to keep the existing file's or the user's default
 */
public record ProxyFileAccess(String permissions, String group) {
  /** Permissions of a new proxy file when none are configured: the proxy reads it by its group. */
  public static final String NEW_FILE_PERMISSIONS = "rw-r-----";

  /** The defaults. */
  public static final ProxyFileAccess DEFAULTS = new ProxyFileAccess(null, null);

  private static final Pattern PERMISSIONS = Pattern.compile("(?:[r-][w-][x-]){3}");

  public ProxyFileAccess {
    if (permissions != null && !PERMISSIONS.matcher(permissions).matches()) {
      throw new IllegalArgumentException("Not permissions: " + permissions);
    }
    if (group != null && group.isBlank()) {
      throw new IllegalArgumentException("A blank group");
    }
  }
}
