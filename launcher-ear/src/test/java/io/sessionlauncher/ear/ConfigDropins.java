package io.sessionlauncher.ear;

import io.sessionlauncher.testing.Waits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Configuration a test adds to the running server in {@code configDropins/overrides/} and takes
 * away again. Liberty applies both changes while it runs, features included, restarting the
 * launcher; {@link #apply} waits for that restart.
 */
final class ConfigDropins {
  private static final String FEATURES_UPDATED = "CWWKF0008I";
  private static final List<String> LAUNCHER_STARTED =
      List.of(
          "CWWKZ0003I: The application session-launcher updated",
          "CWWKZ0001I: Application session-launcher started");

  private ConfigDropins() {}

  /** A change of the drop-ins. */
  @FunctionalInterface
  interface Change {
    void run() throws IOException;
  }

  /**
   * Makes a change that adds or removes features, and waits until the server has updated its
   * features and the launcher has started again after that (one change may restart it twice: for
   * the configuration, then for the features).
   */
  static void apply(Change change) throws IOException {
    long updates = count(messages());
    change.run();
    Waits.until(
        "the server's features updated and the launcher started after that",
        Duration.ofMinutes(2),
        Duration.ofMillis(250),
        () -> {
          List<String> lines = messages();
          if (count(lines) <= updates) {
            return false;
          }
          int last = 0;
          for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(FEATURES_UPDATED)) {
              last = i;
            }
          }
          return lines.subList(last, lines.size()).stream()
              .anyMatch(line -> LAUNCHER_STARTED.stream().anyMatch(line::contains));
        });
  }

  private static long count(List<String> lines) {
    return lines.stream().filter(line -> line.contains(FEATURES_UPDATED)).count();
  }

  private static List<String> messages() throws IOException {
    return LibertyServer.messagesLog().lines().toList();
  }

  static Path folder() throws IOException {
    return Files.createDirectories(LibertyServer.serverDir().resolve("configDropins/overrides"));
  }

  /** Adds {@code name} with {@code xml} as its content. */
  static Path add(String name, String xml) throws IOException {
    return Files.writeString(folder().resolve(name), xml, StandardCharsets.UTF_8);
  }

  /** Adds a copy of a file of the server's configuration folder, as an operator would. */
  static Path copy(String fromServerDir, String name) throws IOException {
    return Files.copy(LibertyServer.serverDir().resolve(fromServerDir), folder().resolve(name));
  }

  static void remove(String name) throws IOException {
    Files.deleteIfExists(folder().resolve(name));
  }
}
