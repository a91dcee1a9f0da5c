#!/usr/bin/env bash
# Benchmark: builds the jar, starts it against the local PostgreSQL and Redis with the demo data (BENCH_POSTS posts,
# seeded through the application itself: about 5 minutes for 10,000 on 2 cores), and runs wrk against
# /health/live (no work), /time (JSON, no I/O), /admin/outbox/{id} (JWT check + primary-key read) and the blog:
# post lists of 20 with tags and categories (anonymous: the shared cache; signed in: built every time), post
# details over a thousand slugs and full-text search over a set of queries.
# Prints req/s, P50 and P99 per endpoint. Run it outside the test suite: bash bench/run.sh
# Settings: DURATION (default 20s), CONNECTIONS (64), THREADS (2), BENCH_DATABASE (rtp_bench), BENCH_POSTS (10000),
# BENCH_REUSE_DATABASE (false; true keeps an already seeded database and skips the seeding).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
DB="${BENCH_DATABASE:-rtp_bench}"
PORT="${BENCH_PORT:-18080}"
POSTS="${BENCH_POSTS:-10000}"

if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25*; do
    if [ -x "$candidate/bin/java" ]; then export JAVA_HOME="$candidate"; break; fi
  done
fi
command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }

./mvnw -B -ntp -q -DskipTests package
JAR="$(ls target/rtp-api-*.jar | head -1)"

# The data directory holds the key that seals the JWT signing keys: it lives as long as the database.
DATA="${TMPDIR:-/tmp}/$DB-data"
if [ "${BENCH_REUSE_DATABASE:-false}" = true ] && [ -d "$DATA" ] \
  && psql -h 127.0.0.1 -U postgres -d "$DB" -qtc "SELECT 1 FROM posts LIMIT 1" 2>/dev/null | grep -q 1; then
  echo "reusing the seeded database $DB"
else
  psql -h 127.0.0.1 -U postgres -d test -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
  rm -rf "$DATA"
fi
WORK="$(mktemp -d)"
trap 'kill "$APP" 2>/dev/null || true; rm -rf "$WORK"' EXIT
ADMIN_EMAIL="bench-admin@bench.invalid"
ADMIN_PASSWORD="bench-admin-password-for-$DB"

DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$DB" REDIS_URL="redis://127.0.0.1:6379" \
  REDIS_KEY_PREFIX="rtp-bench:" RATE_LIMITS_ENABLED=false DATA_DIR="$DATA" PORT="$PORT" \
  ADMIN_EMAIL="$ADMIN_EMAIL" ADMIN_PASSWORD="$ADMIN_PASSWORD" LOG_LEVEL=WARN \
  SEED_DEMO=true SEED_DEMO_POSTS="$POSTS" \
  "$JAVA_HOME/bin/java" -Xms1g -Xmx1g -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP=$!
echo "starting with $POSTS demo posts"
for _ in $(seq 1 3600); do
  curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null || { cat "$WORK/app.log"; exit 1; }

# Seed: a thousand outbox rows to read by id.
[ "$(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT count(*) FROM mail_messages")" -ge 1000 ] || psql -h 127.0.0.1 -U postgres -d "$DB" -qc "INSERT INTO mail_messages (to_address, from_address, subject, text_body, transport, status)
  SELECT 'member' || g || '@example.com', 'no-reply@example.com', 'Message ' || g, 'Body ' || g, 'outbox', 'stored'
  FROM generate_series(1, 1000) g"
MAIL_ID="$(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT min(id) + 500 FROM mail_messages")"

# The bootstrap super admin signs in like anyone else; its access token is what the admin endpoints are measured with.
TOKEN="$(curl -fs -H 'Content-Type: application/json' -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" \
  "http://127.0.0.1:$PORT/auth/login" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')"
curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/admin/outbox/$MAIL_ID" >/dev/null \
  || { echo "the admin's token was refused"; exit 1; }

# Wait for the search documents of the seeded posts, then list what the blog endpoints will walk through.
for _ in $(seq 1 600); do
  [ "$(curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/search/status" | grep -o '"pending_tasks":[0-9]*')" = '"pending_tasks":0' ] && break
  sleep 1
done
# What autovacuum does on a server (it is off on the test machine): statistics, and visibility maps for index-only scans.
psql -h 127.0.0.1 -U postgres -d "$DB" -qc "VACUUM ANALYZE"
psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT '/posts/' || slug FROM posts WHERE status = 'published' ORDER BY random() LIMIT 1000" \
  >"$WORK/slugs.txt"
PAGES="$(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT LEAST(50, count(*) / 20) FROM posts WHERE status = 'published'")"
seq 1 "$PAGES" | sed 's|^|/posts?per_page=20\&page=|' >"$WORK/pages.txt"
for q in iron+condor credit+spreads vwap opening+range position+sizing theta earnings futures+scalps stop+loss gamma \
  "moving+average" "trade+plan" "condor+-earnings" %22gap+fills%22 journal fomc volatility "support+resistance" nvda breakout; do
  echo "/search?q=$q"
done >"$WORK/queries.txt"
cat >"$WORK/rotate.lua" <<'LUA'
-- Each wrk thread walks the paths of the file named by ROTATE, one per request.
local paths = {}
for line in io.lines(os.getenv("ROTATE")) do paths[#paths + 1] = line end
local i = math.random(#paths)
request = function()
  i = i % #paths + 1
  return wrk.format(nil, paths[i])
end
LUA

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
ROTATE="$WORK/pages.txt" run "GET /posts (20, anonymous)" / -s "$WORK/rotate.lua"
ROTATE="$WORK/pages.txt" run "GET /posts (20, signed in)" / -s "$WORK/rotate.lua" -H "Authorization: Bearer $TOKEN"
ROTATE="$WORK/slugs.txt" run "GET /posts/{slug} (anonymous)" / -s "$WORK/rotate.lua"
ROTATE="$WORK/slugs.txt" run "GET /posts/{slug} (signed in)" / -s "$WORK/rotate.lua" -H "Authorization: Bearer $TOKEN"
ROTATE="$WORK/queries.txt" run "GET /search?q=…" / -s "$WORK/rotate.lua"
