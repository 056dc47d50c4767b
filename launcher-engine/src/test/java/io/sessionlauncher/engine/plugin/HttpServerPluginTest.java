package io.sessionlauncher.engine.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sessionlauncher.engine.plugin.builtin.HttpServerPlugin;
import io.sessionlauncher.model.HostPort;
import io.sessionlauncher.spi.LaunchContext;
import io.sessionlauncher.spi.PluginException;
import io.sessionlauncher.spi.ProductLauncher;
import io.sessionlauncher.testing.FreePorts;
import io.sessionlauncher.testing.Waits;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in {@code http-server} plugin serving a real folder over real HTTP. */
class HttpServerPluginTest {
  private static final Duration READY = Duration.ofSeconds(10);

  @TempDir Path parent;
  private Path site;
  private ProductInstance server;
  private String address;

  @BeforeEach
  void start() throws Exception {
    site = Files.createDirectories(parent.resolve("site"));
    Files.writeString(site.resolve("hello.txt"), "hello, world", StandardCharsets.UTF_8);
    Files.writeString(site.resolve("index.html"), "<h1>home</h1>", StandardCharsets.UTF_8);
    Files.createDirectories(site.resolve("docs"));
    Files.writeString(site.resolve("docs/index.html"), "<h1>docs</h1>", StandardCharsets.UTF_8);
    Files.writeString(parent.resolve("secret.txt"), "secret", StandardCharsets.UTF_8);
    Files.createSymbolicLink(site.resolve("link.txt"), parent.resolve("secret.txt"));
    server =
        ProductLaunchers.fromClassPath()
            .launch("http-server", "local", Map.of("directory", site.toString()));
    server.awaitAnswer(READY);
    address = server.urls().get("main");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RawRequest.Answer get(String target) throws Exception {
    return RawRequest.send(address, "GET", target);
  }

  @Test
  void manySlowClientsHoldAFewThreadsOnly() throws Exception {
    byte[] big = new byte[8 * 1024 * 1024];
    Files.write(site.resolve("big.bin"), big);
    int before = productThreads();
    List<Socket> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        Socket client = new Socket();
        // A small receive window and nobody reading: each handler blocks in its write.
        client.setReceiveBufferSize(4096);
        int colon = address.lastIndexOf(':');
        client.connect(
            new InetSocketAddress(
                address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))));
        client
            .getOutputStream()
            .write("GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        clients.add(client);
      }
      Waits.until(
          () ->
              "the handlers busy with the slow clients; threads: "
                  + Thread.getAllStackTraces().keySet().stream()
                      .map(Thread::getName)
                      .sorted()
                      .toList(),
          Duration.ofSeconds(10),
          () -> productThreads() >= 8);
      // Give queued requests every chance to take more threads than the limit.
      Waits.until(
          "no new handler threads", Duration.ofSeconds(10), Duration.ofMillis(100), () -> steady());
      // Idle threads of the product's pool from before may be among them, but no more.
      assertTrue(productThreads() <= 8 + before, "threads: " + productThreads());
    } finally {
      for (Socket client : clients) {
        client.close();
      }
    }
  }

  private int lastCount = -1;
  private int sameCount;

  /** True once the count of product threads has not changed over five polls. */
  private boolean steady() {
    int now = productThreads();
    sameCount = now == lastCount ? sameCount + 1 : 0;
    lastCount = now;
    return sameCount >= 5;
  }

  /** Live threads of the product's own executor, named after it. */
  private static int productThreads() {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> thread.getName().equals("http-server.local"))
            .count();
  }

  @Test
  void servesAFileWithItsContent() throws Exception {
    RawRequest.Answer answer = get("/hello.txt");

    assertEquals(200, answer.status(), answer.headers());
    assertEquals("hello, world", answer.body());
    assertTrue(address.startsWith("127.0.0.1:"), address);
  }

  @Test
  void aFolderServesItsIndexPage() throws Exception {
    assertEquals("<h1>home</h1>", get("/").body());
    assertEquals("<h1>docs</h1>", get("/docs/").body());
  }

  @Test
  void headAnswersWithoutABodyAndOtherMethodsAreRefused() throws Exception {
    RawRequest.Answer head = RawRequest.send(address, "HEAD", "/hello.txt");
    RawRequest.Answer post = RawRequest.send(address, "POST", "/hello.txt");

    assertEquals(200, head.status());
    assertEquals("", head.body());
    assertEquals(405, post.status());
  }

  @Test
  void aMissingFileIs404() throws Exception {
    assertEquals(404, get("/nothing.txt").status());
    assertEquals(404, get("/docs/nothing/").status());
  }

  @Test
  void nothingOutsideTheFolderIsServed() throws Exception {
    for (String target :
        new String[] {
          "/../secret.txt",
          "/docs/../../secret.txt",
          "/%2e%2e/secret.txt",
          "/%2E%2E%2Fsecret.txt",
          "/docs/%2e%2e/%2e%2e/secret.txt",
          "/..%2fsecret.txt",
          "//" + parent.resolve("secret.txt"),
          "/link.txt",
        }) {
      RawRequest.Answer answer = get(target);
      assertEquals(404, answer.status(), target + " gave " + answer.headers());
      assertFalse(answer.body().contains("secret"), target);
    }
  }

  @Test
  void aPathThatIsNoFileNameIs404() throws Exception {
    assertEquals(404, get("/%00").status());
  }

  @Test
  void checkIsTrueWhileServingAndFalseAfterStop() {
    assertTrue(server.check(Duration.ofSeconds(5)));
    int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));

    server.stop();

    assertFalse(server.check(Duration.ofSeconds(5)));
    assertTrue(FreePorts.isFree(port), "port free after stop");
  }

  @Test
  void aFolderThatDoesNotExistFailsTheStartNamingIt() {
    Path missing = parent.resolve("missing");

    PluginException failure =
        assertThrows(
            PluginException.class,
            () ->
                ProductLaunchers.fromClassPath()
                    .launch("http-server", "local", Map.of("directory", missing.toString())));

    assertTrue(failure.getMessage().contains(missing.toString()), failure.getMessage());
  }

  @Test
  void withNothingConfiguredTheFallbackServesTheCurrentFolder() {
    try (ProductInstance fallback = ProductLaunchers.fromClassPath().launch("http-server")) {
      fallback.awaitAnswer(READY);

      assertEquals("http-server.__fallback__", fallback.name());
      assertTrue(fallback.check());
    }
  }

  @Test
  void inTheServerItListensOnThePairTheLauncherAssigned() throws Exception {
    int port = FreePorts.find();
    ExecutorService executor = Executors.newCachedThreadPool();
    ProductLauncher launcher =
        new HttpServerPlugin()
            .create(
                new HttpServerPlugin.Config(site, null),
                new LaunchContext(
                    "session-1",
                    new HostPort("127.0.0.1", port),
                    null,
                    null,
                    Duration.ofSeconds(1),
                    0,
                    executor));
    try {
      launcher.start();

      assertEquals(Map.of("main", "127.0.0.1:" + port), launcher.urls());
      assertEquals(
          "hello, world", RawRequest.send("127.0.0.1:" + port, "GET", "/hello.txt").body());
    } finally {
      launcher.stop(Duration.ZERO);
      launcher.stop(Duration.ZERO);
      executor.shutdownNow();
    }
    assertFalse(launcher.check(Duration.ofSeconds(1)));
    assertTrue(FreePorts.isFree(port));
  }
}
