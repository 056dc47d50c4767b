package io.sessionlauncher.rest.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the in-process launcher as a program of its own, so a test can kill it with SIGKILL and
 * start it again: {@code InProcessLauncherMain <launcher.json> <file to write the base URI to>}.
 */
public final class InProcessLauncherMain {
  private InProcessLauncherMain() {}

  public static void main(String[] args) throws Exception {
    InProcessLauncher launcher = InProcessLauncher.start(Path.of(args[0]));
    Runtime.getRuntime().addShutdownHook(new Thread(launcher::close));
    Path ready = Path.of(args[1]);
    Path temporary = ready.resolveSibling(ready.getFileName() + ".tmp");
    Files.writeString(temporary, launcher.base().toString());
    Files.move(temporary, ready, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    new CountDownLatch(1).await();
  }
}
