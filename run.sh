#!/usr/bin/env bash
# Builds Session Launcher and runs it in Open Liberty (downloaded by the build) with the default
# configuration: http://127.0.0.1:9080/paraview/ . Ctrl-C stops the server and every session.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -ntp install -DskipTests -DskipITs
exec mvn -B -ntp -pl launcher-ear liberty:run "$@"
