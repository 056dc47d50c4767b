package io.sessionlauncher.bench.jmh;

import io.sessionlauncher.bench.report.ResultRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs this package's JMH benchmarks with short iterations (one fork, 2 × 1 s warm-up, 3 × 1 s
 * measured): enough for microsecond-scale code to settle, and the whole suite stays near a minute.
 */
public final class JmhSuite {
  private JmhSuite() {}

  public static List<ResultRow> run() throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include(Pattern.quote(JmhSuite.class.getPackageName() + ".") + ".*Benchmark\\..*")
            .forks(1)
            .warmupIterations(2)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(3)
            .measurementTime(TimeValue.seconds(1))
            .shouldFailOnError(true)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    List<ResultRow> rows = new ArrayList<>();
    for (RunResult result : results) {
      rows.add(row(result));
    }
    return rows;
  }

  private static ResultRow row(RunResult run) {
    String benchmark = run.getParams().getBenchmark();
    String shortName =
        benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
    Map<String, String> params =
        run.getParams().getParamsKeys().stream()
            .collect(Collectors.toMap(key -> key, key -> run.getParams().getParam(key)));
    String suffix =
        params.isEmpty()
            ? ""
            : params.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    Result<?> primary = run.getPrimaryResult();
    String figure =
        String.format(
            Locale.ROOT,
            "%,.1f ± %,.1f %s",
            primary.getScore(),
            primary.getScoreError(),
            primary.getScoreUnit());
    return ResultRow.info("JMH " + shortName + suffix, figure);
  }
}
