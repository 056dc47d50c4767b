#!/usr/bin/env bash
# Runs the whole launcher benchmark with one command: builds what it needs (this module and the
# modules it deploys, tests skipped), creates its own Open Liberty server "benchServer" on
# 9280/9643 in launcher-bench/target, runs JMH and every HTTP measurement, prints the table,
# writes it to launcher-bench/target/bench-results.md, and stops the server.
#
#   launcher-bench/bench.sh [--name=value ...]     e.g. --launches=500 --jmh=false
#   launcher-bench/bench.sh --jmh=false --only="websocket proxy"   the WebSocket proxy figures alone
#
# Figures are reported against the targets of the benchmark issue; a missed target never makes
# this script fail. It fails only if the build or the server does.
set -euo pipefail
started=$SECONDS
module="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$module")"
server=benchServer
wlp="$module/target/liberty/wlp"

# 1,000 live sessions hold two descriptors each in the server (output pipe, log file), beside its
# own few hundred; the server inherits this shell's limit.
want=8192
soft=$(ulimit -Sn)
if [ "$soft" != unlimited ] && [ "$soft" -lt "$want" ]; then
  hard=$(ulimit -Hn)
  if [ "$hard" = unlimited ] || [ "$hard" -ge "$want" ]; then
    ulimit -Sn "$want"
  else
    ulimit -Sn "$hard"
    echo "warning: open-file limit is $hard; 1,000 sessions may not fit" >&2
  fi
fi
echo "open-file limit: $(ulimit -Sn)"

# The server's ports (BENCH_HTTP_PORT, BENCH_HTTPS_PORT) and Apache's for the WebSocket comparison
# (--apache-port=..., 9282 by default) may be moved off the defaults when those are taken.
http_port="${BENCH_HTTP_PORT:-9280}"
https_port="${BENCH_HTTPS_PORT:-9643}"

cd "$root"
# package, not verify: launcher-ear starts its own server for its tests in pre-integration-test.
mvn -B -ntp -pl launcher-bench -am -Pbench package -DskipTests \
  -Dbench.http.port="$http_port" -Dbench.https.port="$https_port"

# The harness stops the server itself; this is for when the harness is killed.
trap '"$wlp/bin/server" stop "$server" >/dev/null 2>&1 || true' EXIT

java -Xmx1g -cp "$module/target/classes:$module/target/bench-lib/*" \
  io.sessionlauncher.bench.BenchMain \
  --wlp="$wlp" --server="$server" --base="http://127.0.0.1:$http_port/" \
  --output="$module/target/bench-results.md" "$@"

echo "bench.sh finished in $((SECONDS - started)) s (build included)"
