package io.sessionlauncher.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A test server's proxy mapping file: one {@code <id> <host>:<port>} line per live session. */
final class ProxyFile {
  private static final Pattern MAP_ID = Pattern.compile("^(\\S+) ", Pattern.MULTILINE);

  private ProxyFile() {}

  /**
   * The ids in the proxy file of the server in {@code serverDir} (its {@code launcher.json} names
   * {@code proxy/proxy-mapping.txt}): the sessions the launcher believes are alive.
   */
  static Set<String> liveSessionIds(Path serverDir) throws IOException {
    Path file = serverDir.resolve("proxy/proxy-mapping.txt");
    Set<String> ids = new HashSet<>();
    if (Files.exists(file)) {
      Matcher line = MAP_ID.matcher(Files.readString(file, StandardCharsets.UTF_8));
      while (line.find()) {
        ids.add(line.group(1));
      }
    }
    return ids;
  }
}
