#!/usr/bin/env bash
# Builds Session Launcher and runs it in Open Liberty (downloaded by the build) with the default
# configuration: http://127.0.0.1:9080/paraview/ . Ctrl-C stops the server and every session.
set -euo pipefail
cd "$(dirname "$0")"
# Only the modules the server needs, and no test server started on the way (-Dskip=true skips the
# Liberty plugin's goals bound to the build; liberty:run below is not skipped).
mvn -B -ntp install -DskipTests -DskipITs -Dskip=true -pl launcher-ear -am
exec mvn -B -ntp -pl launcher-ear liberty:run "$@"
