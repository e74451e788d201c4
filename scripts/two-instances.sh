#!/usr/bin/env bash
# Runs two Luotsi instances on this machine against one PostgreSQL, as behind a load balancer:
#   LUOTSI_DB_URL=jdbc:postgresql://127.0.0.1:5432/luotsi LUOTSI_DB_USER=luotsi \
#   LUOTSI_DB_PASSWORD=… scripts/two-instances.sh
# Instance a listens on 3981, b on 3982 (LUOTSI_PORT_A / LUOTSI_PORT_B), each with its own data
# directory under run/ (RUN_DIR). Both read knowledge/ and config/. Other variables (SLACK_*,
# MICROSOFT_*, LUOTSI_HOST, LUOTSI_PUBLIC_URL) are passed to both. Put a reverse proxy in front
# (README, "Run two instances"). Ctrl-C stops both gracefully.
set -euo pipefail

cd "$(dirname "$0")/.."
: "${LUOTSI_DB_URL:?set LUOTSI_DB_URL to a jdbc:postgresql:// URL (deploy/docker-compose.yml starts one)}"
case "$LUOTSI_DB_URL" in
  jdbc:postgresql:*) ;;
  *) echo "LUOTSI_DB_URL must be a jdbc:postgresql: URL: several instances need PostgreSQL" >&2; exit 2 ;;
esac
JAR=${LUOTSI_JAR:-target/luotsi.jar}
RUN_DIR=${RUN_DIR:-run}
PORT_A=${LUOTSI_PORT_A:-3981}
PORT_B=${LUOTSI_PORT_B:-3982}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

if [[ ! -f "$JAR" ]]; then
  echo "Building $JAR …"
  ./mvnw -q package -DskipTests
fi

pids=()
stop() {
  echo "Stopping both instances …"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait
}
trap stop INT TERM

for name in a b; do
  port=$PORT_A
  [[ $name == b ]] && port=$PORT_B
  mkdir -p "$RUN_DIR/$name"
  LUOTSI_PORT=$port LUOTSI_DATA_DIR="$RUN_DIR/$name/data" \
    "$JAVA" -jar "$JAR" serve >"$RUN_DIR/$name/out.log" 2>"$RUN_DIR/$name/luotsi.log" &
  pids+=($!)
  echo "Instance $name: pid $!, http://127.0.0.1:$port/, log $RUN_DIR/$name/luotsi.log"
done

for port in "$PORT_A" "$PORT_B"; do
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then
      echo "Ready: http://127.0.0.1:$port/health/ready"
      continue 2
    fi
    for pid in "${pids[@]}"; do
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "An instance stopped; see $RUN_DIR/*/luotsi.log" >&2
        stop
        exit 1
      fi
    done
    sleep 1
  done
  echo "Instance on port $port not ready after 120 s; see $RUN_DIR/*/luotsi.log" >&2
  stop
  exit 1
done
echo "Both instances ready. Ctrl-C stops them."
wait
