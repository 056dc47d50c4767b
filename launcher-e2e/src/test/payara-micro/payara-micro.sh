#!/usr/bin/env bash
# Starts or stops one Payara Micro for the end-to-end tests (profile payara-micro of pom.xml), as
# the README's "Deploy on Payara Micro" tells an operator: the self-contained WAR at "/", HTTP on
# loopback, LAUNCHER_CONFIG naming the launcher.json in the instance's folder.
#
#   payara-micro.sh start <dir> <name> <http port> <data grid port> <java>
#   payara-micro.sh stop  <dir> <name>
#
# <dir> holds payara-micro.jar, session-launcher.war and the instance's folder <name>/ (its
# launcher.json); the instance's pid, log and Payara's own files go next to it. start returns at
# once (the build waits for the first answer); stop sends SIGTERM, which undeploys the application
# and so stops every session, and waits for the process to end (SIGKILL after 60 s, then fails).
set -euo pipefail

command=$1 dir=$2 name=$3
pid_file="$dir/$name.pid"

# The instance this folder's pid file names, if it still runs: checked by its command line, so a
# recycled pid of another program is never signalled.
running_pid() {
  [ -f "$pid_file" ] || return 1
  local pid
  pid=$(cat "$pid_file")
  [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "--rootdir $dir/$name-root" \
    && echo "$pid"
}

# Every process below <pid>, children first found, grandchildren after.
descendants() {
  local child
  for child in $(pgrep -P "$1" || true); do
    echo "$child"
    descendants "$child"
  done
}

stop() {
  local pid
  if ! pid=$(running_pid); then
    rm -f "$pid_file"
    return 0
  fi
  kill -TERM "$pid"
  for _ in $(seq 1 120); do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$pid_file"
      echo "Payara Micro $name (pid $pid) stopped"
      return 0
    fi
    sleep 0.5
  done
  # The sessions it started (each in a session of its own) would outlive it: they go with it.
  local doomed
  doomed=$(descendants "$pid")
  kill -KILL "$pid" $doomed 2>/dev/null || true
  rm -f "$pid_file"
  echo "Payara Micro $name (pid $pid) did not stop within 60 s of SIGTERM: killed, with its processes $doomed" >&2
  return 1
}

case "$command" in
  start)
    http_port=$4 grid_port=$5 java=$6
    # One an interrupted earlier run left running goes first.
    stop || true
    rm -rf "${dir:?}/$name-root"
    printf '%s\n' \
      "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1" \
      "set hazelcast-runtime-configuration.start-port=$grid_port" > "$dir/$name.asadmin"
    cd "$dir/$name"
    LAUNCHER_CONFIG="$dir/$name/launcher.json" setsid "$java" -jar "$dir/payara-micro.jar" \
      --deploy "$dir/session-launcher.war" --contextroot / --port "$http_port" --nocluster \
      --prebootcommandfile "$dir/$name.asadmin" --rootdir "$dir/$name-root" \
      > "$dir/$name.log" 2>&1 < /dev/null &
    echo $! > "$pid_file"
    echo "Payara Micro $name starting (pid $!, HTTP 127.0.0.1:$http_port, log $dir/$name.log)"
    ;;
  stop)
    stop
    ;;
  *)
    echo "usage: $0 start <dir> <name> <http port> <grid port> <java> | stop <dir> <name>" >&2
    exit 2
    ;;
esac
