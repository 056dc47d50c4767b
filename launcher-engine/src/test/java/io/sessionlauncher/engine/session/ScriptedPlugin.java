package io.sessionlauncher.engine.session;

import io.sessionlauncher.spi.LaunchContext;
import io.sessionlauncher.spi.LauncherPlugin;
import io.sessionlauncher.spi.ProductLauncher;
import io.sessionlauncher.spi.ServerType;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * A plugin ({@code scripted.test}) whose products are Java objects a test drives: ready or exited
 * when the test says, with the servers the test gives. For the session core's own rules, where a
 * process would only add time.
 */
final class ScriptedPlugin implements LauncherPlugin<ScriptedPlugin.Config> {
  /** No configuration. */
  record Config() {}

  /** The bean type under which the plugin is offered to the engine. */
  static final Type BEAN_TYPE = new TypeLiteral<LauncherPlugin<Config>>() {}.getType();

  private final Map<String, ServerType> spec;
  private final Function<LaunchContext, Product> factory;

  ScriptedPlugin(Map<String, ServerType> spec, Function<LaunchContext, Product> factory) {
    this.spec = spec;
    this.factory = factory;
  }

  @Override
  public String product() {
    return "scripted";
  }

  @Override
  public String mode() {
    return "test";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public Optional<Config> defaultConfig() {
    return Optional.of(new Config());
  }

  @Override
  public Map<String, ServerType> serverSpec() {
    return spec;
  }

  @Override
  public ProductLauncher create(Config config, LaunchContext context) {
    return factory.apply(context);
  }

  /** A product that is ready, or exits, when the test completes its futures. */
  static class Product implements ProductLauncher {
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    final CompletableFuture<Integer> exit = new CompletableFuture<>();
    final CountDownLatch started = new CountDownLatch(1);
    private final Map<String, String> urls;

    Product(Map<String, String> urls) {
      this.urls = urls;
    }

    @Override
    public void start() {
      started.countDown();
    }

    @Override
    public void stop(Duration grace) {
      exit.complete(143);
    }

    @Override
    public boolean check(Duration timeout) {
      return ready.isDone() && !exit.isDone();
    }

    @Override
    public Map<String, String> urls() {
      return urls;
    }

    @Override
    public Optional<CompletionStage<Integer>> onExit() {
      return Optional.of(exit);
    }

    @Override
    public Optional<CompletionStage<Void>> whenReady() {
      return Optional.of(ready);
    }
  }
}
