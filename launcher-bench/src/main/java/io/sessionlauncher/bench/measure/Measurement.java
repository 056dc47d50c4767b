package io.sessionlauncher.bench.measure;

import io.sessionlauncher.bench.report.ResultRow;
import java.util.List;

/** One part of the benchmark: runs against the server and gives rows for the table. */
public interface Measurement {

  /** A short name for progress messages and for the row of a failed run. */
  String name();

  /** Runs it; any session it starts is stopped before it returns, also when it fails. */
  List<ResultRow> run(BenchContext context) throws Exception;
}
