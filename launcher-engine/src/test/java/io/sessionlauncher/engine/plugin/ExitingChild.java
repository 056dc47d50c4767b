package io.sessionlauncher.engine.plugin;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A program that launches a product from plain Java and exits without stopping it, so a test can
 * see that {@link ProductInstance} stops it when the JVM exits. Prints {@code port=<n>} or {@code
 * pid=<n>} for the test.
 *
 * <ul>
 *   <li>{@code http-server <folder>}: serves the folder, then calls {@code System.exit(0)} (the
 *       JDK's HTTP server keeps a non-daemon thread, so returning from main would not end the JVM);
 *   <li>{@code process}: runs {@code sleep 300} with the process plugin, then returns from main,
 *       the JVM ending because no non-daemon thread is left.
 * </ul>
 */
public final class ExitingChild {
  private ExitingChild() {}

  public static void main(String[] args) {
    ProductLaunchers launchers = ProductLaunchers.fromClassPath();
    switch (args[0]) {
      case "http-server" -> {
        ProductInstance server =
            launchers.launch("http-server", "local", Map.of("directory", args[1]));
        server.awaitAnswer(Duration.ofSeconds(20));
        String address = server.urls().get("main");
        System.out.println("port=" + address.substring(address.lastIndexOf(':') + 1));
        System.out.flush();
        System.exit(0);
      }
      case "process" -> {
        launchers.launch("process", "local", Map.of("cmd", List.of("sleep", "300")));
        long pid = ProcessHandle.current().children().findFirst().orElseThrow().pid();
        System.out.println("pid=" + pid);
        System.out.flush();
      }
      default -> throw new IllegalArgumentException("unknown product " + args[0]);
    }
  }
}
