#!/bin/sh
# The job the Slurm tests submit, and a model of what a session's job must do: listen on a free
# port of the node, then write host:port to $SESSION_LAUNCHER_ADDRESS_FILE (whole, by a rename).
# It runs the demo session on a random port of FIRST..LAST, trying another one when the port is
# taken, and ends with the demo session's exit code.
# Usage: demo-job.sh JAVA DEMO_JAR HOST FIRST LAST
java=$1 jar=$2 host=$3 first=$4 last=$5
attempt=0
while [ "$attempt" -lt 20 ]; do
  attempt=$((attempt + 1))
  port=$((first + $(od -An -N2 -tu2 /dev/urandom) % (last - first + 1)))
  output="demo-$port.out"
  "$java" -jar "$jar" --host "$host" --port "$port" >"$output" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null && ! grep -q "Starting factory" "$output"; do
    sleep 0.05
  done
  cat "$output"
  if kill -0 "$pid" 2>/dev/null; then
    printf '%s:%s\n' "$host" "$port" >"$SESSION_LAUNCHER_ADDRESS_FILE.new"
    mv "$SESSION_LAUNCHER_ADDRESS_FILE.new" "$SESSION_LAUNCHER_ADDRESS_FILE"
    # scancel's SIGTERM reaches this shell: pass it on, then report the session's own end.
    stopped=0
    trap 'stopped=1; kill -TERM "$pid"' TERM INT
    wait "$pid"
    code=$?
    # A trapped signal ends the first wait early; the second one reads the session's own end.
    if [ "$stopped" = 1 ]; then
      wait "$pid"
      code=$?
    fi
    exit "$code"
  fi
done
echo "no free port in $first..$last after $attempt attempts"
exit 1
