package io.sessionlauncher.bench.http;

import io.sessionlauncher.bench.stats.Samples;

/**
 * What a load run measured.
 *
 * @param connections concurrent connections, one thread each
 * @param requests requests started in the measured window and answered
 * @param failures answers that were not 200, or requests that failed
 * @param seconds length of the measured window
 * @param latencies every answered request's latency, as measured (closed loop)
 * @param corrected the same, corrected for coordinated omission at each connection's mean interval
 * @param reconnects connections opened again because the server closed one
 */
public record LoadResult(
    int connections,
    long requests,
    long failures,
    double seconds,
    Samples latencies,
    Samples corrected,
    long reconnects) {

  public double perSecond() {
    return seconds <= 0 ? 0 : requests / seconds;
  }
}
