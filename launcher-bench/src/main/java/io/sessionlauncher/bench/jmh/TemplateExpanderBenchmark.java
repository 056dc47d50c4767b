package io.sessionlauncher.bench.jmh;

import io.sessionlauncher.engine.template.TemplateExpander;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** {@link TemplateExpander#expand} on the templates a launch expands: URL, command, plain text. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TemplateExpanderBenchmark {
  private static final List<String> DEMO_CMD =
      List.of(
          "${java}",
          "-jar",
          "${demo_jar}",
          "--host",
          "${host}",
          "--port",
          "${port}",
          "--secret",
          "$secret");

  private final Map<String, String> variables =
      Map.of(
          "java", "java",
          "demo_jar", "demo/demo-session.jar",
          "host", "127.0.0.1",
          "port", "31000",
          "id", "3f1c2a64-8f9e-4d2b-9a51-0c7e7f3b2d11",
          "secret", "Qh2mXr8KzP4vT7wN1bY6cL0s");

  // One function made once, as the engine passes it: a method reference per call would allocate.
  @SuppressWarnings("UnnecessaryLambda")
  private final Function<String, Optional<String>> lookup =
      name -> Optional.ofNullable(variables.get(name));

  @Benchmark
  public String sessionUrl() {
    return TemplateExpander.expand("ws://${host}:${port}/ws", lookup);
  }

  /** Most arguments have no variable at all: the fast path. */
  @Benchmark
  public String plainArgument() {
    return TemplateExpander.expand("--ready-delay-ms", lookup);
  }

  @Benchmark
  public List<String> demoCommand() {
    List<String> argv = new ArrayList<>(DEMO_CMD.size());
    for (String template : DEMO_CMD) {
      argv.add(TemplateExpander.expand(template, lookup));
    }
    return argv;
  }
}
