#!/usr/bin/env bash
# Benchmark: builds the jar, starts it against the local PostgreSQL and Redis, seeds what it needs, and runs wrk
# against /health/live (no work), /time (JSON, no I/O) and /admin/outbox/{id} (JWT check + primary-key read).
# Prints req/s, P50 and P99 per endpoint. Run it outside the test suite: bash bench/run.sh
# Settings: DURATION (default 20s), CONNECTIONS (64), THREADS (2), BENCH_DATABASE (rtp_bench).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
DB="${BENCH_DATABASE:-rtp_bench}"
PORT="${BENCH_PORT:-18080}"

if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25*; do
    if [ -x "$candidate/bin/java" ]; then export JAVA_HOME="$candidate"; break; fi
  done
fi
command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }

./mvnw -B -ntp -q -DskipTests package
JAR="$(ls target/rtp-api-*.jar | head -1)"

psql -h 127.0.0.1 -U postgres -d test -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
WORK="$(mktemp -d)"
trap 'kill "$APP" 2>/dev/null || true; rm -rf "$WORK"' EXIT

# A signing key we also hold, so the script can mint an admin token the service accepts.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt.pem" 2>/dev/null
ISSUER="https://bench.invalid"

DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$DB" REDIS_URL="redis://127.0.0.1:6379" \
  REDIS_KEY_PREFIX="rtp-bench:" RATE_LIMITS_ENABLED=false DATA_DIR="$WORK/data" PORT="$PORT" \
  JWT_PRIVATE_KEY="$(cat "$WORK/jwt.pem")" JWT_KEY_ID=bench JWT_ISSUER="$ISSUER" LOG_LEVEL=WARN \
  "$JAVA_HOME/bin/java" -Xms1g -Xmx1g -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null || { cat "$WORK/app.log"; exit 1; }

# Seed: a thousand outbox rows to read by id.
psql -h 127.0.0.1 -U postgres -d "$DB" -qc "INSERT INTO mail_messages (to_address, from_address, subject, text_body, transport, status)
  SELECT 'member' || g || '@example.com', 'no-reply@example.com', 'Message ' || g, 'Body ' || g, 'outbox', 'stored'
  FROM generate_series(1, 1000) g"
MAIL_ID="$(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT min(id) + 500 FROM mail_messages")"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
NOW="$(date +%s)"
HEADER="$(printf '{"alg":"RS256","kid":"bench","typ":"JWT"}' | b64url)"
PAYLOAD="$(printf '{"iss":"%s","sub":"1","sid":"bench","roles":["member","admin"],"iat":%d,"exp":%d,"jti":"bench"}' \
  "$ISSUER" "$NOW" "$((NOW + 3600))" | b64url)"
SIGNATURE="$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -sign "$WORK/jwt.pem" | b64url)"
TOKEN="$HEADER.$PAYLOAD.$SIGNATURE"
curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/admin/outbox/$MAIL_ID" >/dev/null \
  || { echo "the minted token was refused"; exit 1; }

run() { # name, path, extra wrk args...
  local name="$1" path="$2"; shift 2
  local out="$WORK/$(echo "$name" | tr -c 'a-zA-Z0-9' '_').txt"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d15s "$@" "http://127.0.0.1:$PORT$path" >/dev/null  # warm-up: let the JIT compile the hot path
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "http://127.0.0.1:$PORT$path" >"$out"
  local rps p50 p99
  rps="$(awk '/Requests\/sec/ {print $2}' "$out")"
  p50="$(awk '$1 == "50%" {print $2}' "$out")"
  p99="$(awk '$1 == "99%" {print $2}' "$out")"
  printf '%-28s %12s req/s   P50 %9s   P99 %9s\n' "$name" "$rps" "$p50" "$p99"
  grep -q "Non-2xx" "$out" && grep "Non-2xx" "$out" || true
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; wrk -t$THREADS -c$CONNECTIONS -d$DURATION on the same machine"
run "GET /health/live" /health/live
run "GET /time" /time
run "GET /admin/outbox/{id}" "/admin/outbox/$MAIL_ID" -H "Authorization: Bearer $TOKEN"
