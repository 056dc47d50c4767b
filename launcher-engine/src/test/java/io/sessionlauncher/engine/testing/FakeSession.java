package io.sessionlauncher.engine.testing;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A stand-in for a session server (pvpython, a trame app), run as a child JVM through {@link
 * JavaProgram}. Uses the JDK alone, so it runs from test-classes or the engine's test-jar. Options,
 * applied in this order:
 *
 * <pre>
 *   --pid-file PATH          append this process's pid to PATH
 *   --say TEXT               print TEXT and a line end at once
 *   --ready-after MILLIS     wait before getting ready (default 0)
 *   --exit-before-ready CODE exit with CODE instead of getting ready
 *   --listen PORT            listen on 127.0.0.1:PORT, accepting and closing connections
 *   --ready-line TEXT        print TEXT when ready
 *   --no-newline             print the ready line without a line end
 *   --split                  print the ready line in two writes, 200 ms apart
 *   --exit-after MILLIS CODE once ready, exit with CODE after MILLIS
 *   --lifetime MILLIS        exit 0 after this long at most (default 120000)
 * </pre>
 */
public final class FakeSession {
  private FakeSession() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    OutputStream out = new FileOutputStream(FileDescriptor.out);
    if (options.pidFile != null) {
      Files.writeString(
          Path.of(options.pidFile),
          ProcessHandle.current().pid() + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    if (options.say != null) {
      write(out, options.say + "\n");
    }
    Thread.sleep(options.readyAfter);
    if (options.exitBeforeReady != null) {
      System.exit(options.exitBeforeReady);
    }
    if (options.listen > 0) {
      listen(options.listen);
    }
    if (options.readyLine != null) {
      String line = options.readyLine + (options.noNewline ? "" : "\n");
      if (options.split) {
        int half = line.length() / 2;
        write(out, line.substring(0, half));
        Thread.sleep(200);
        write(out, line.substring(half));
      } else {
        write(out, line);
      }
    }
    if (options.exitAfter >= 0) {
      Thread.sleep(options.exitAfter);
      System.exit(options.exitCode);
    }
    Thread.sleep(options.lifetime);
    System.exit(0);
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void listen(int port) throws IOException {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    Thread acceptor =
        new Thread(
            () -> {
              while (true) {
                try (Socket client = server.accept()) {
                  client.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                  return;
                }
              }
            },
            "acceptor");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private static final class Options {
    String pidFile;
    String say;
    long readyAfter;
    Integer exitBeforeReady;
    int listen;
    String readyLine;
    boolean noNewline;
    boolean split;
    long exitAfter = -1;
    int exitCode;
    long lifetime = 120_000;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--pid-file" -> o.pidFile = args[++i];
          case "--say" -> o.say = args[++i];
          case "--ready-after" -> o.readyAfter = Long.parseLong(args[++i]);
          case "--exit-before-ready" -> o.exitBeforeReady = Integer.parseInt(args[++i]);
          case "--listen" -> o.listen = Integer.parseInt(args[++i]);
          case "--ready-line" -> o.readyLine = args[++i];
          case "--no-newline" -> o.noNewline = true;
          case "--split" -> o.split = true;
          case "--exit-after" -> {
            o.exitAfter = Long.parseLong(args[++i]);
            o.exitCode = Integer.parseInt(args[++i]);
          }
          case "--lifetime" -> o.lifetime = Long.parseLong(args[++i]);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      return o;
    }
  }
}
