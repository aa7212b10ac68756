#!/usr/bin/env bash
# Opens the live dashboard in headless Chromium twice, a few seconds apart, and checks that
# the page received live snapshots and that its numbers changed (docs/dashboard.md).
#
#   scripts/check-dashboard.sh            # against a running standalone (java -jar …)
#   scripts/check-dashboard.sh --start    # starts standalone itself (building it if needed), stops it after
#
# Environment: DASHBOARD_URL (default http://localhost:9080, the matchmaker's management port), SNAPSHOTS (events rendered per
# look, default 3), PAUSE (seconds between the two looks, default 5), STARTUP_TIMEOUT (s, 180).
# Installs Debian's chromium with apt-get when it is missing.
set -euo pipefail

URL="${DASHBOARD_URL:-http://localhost:9080}"
SNAPSHOTS="${SNAPSHOTS:-3}"
PAUSE="${PAUSE:-5}"
STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-180}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d -t rivalry-dashboard-check.XXXXXX)"
STANDALONE_PID=""

cleanup() {
  if [[ -n "$STANDALONE_PID" ]]; then
    kill "$STANDALONE_PID" 2>/dev/null || true
    wait "$STANDALONE_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() { echo "check-dashboard: FAIL: $*" >&2; exit 1; }

ensure_chromium() {
  command -v chromium >/dev/null 2>&1 && return
  echo "check-dashboard: installing Debian's chromium"
  local sudo=""
  [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  command -v chromium >/dev/null 2>&1 || fail "chromium could not be installed"
}

dashboard_answers() { curl -sf -o /dev/null --max-time 2 "$URL/v1/dashboard"; }

start_standalone() {
  dashboard_answers && fail "something already answers at $URL: stop it, or run without --start"
  local jar="$ROOT/standalone/target/rivalry-standalone.jar"
  if [[ ! -f "$jar" ]]; then
    echo "check-dashboard: building standalone"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
  fi
  echo "check-dashboard: starting standalone (log: $WORK/standalone.log)"
  java -jar "$jar" >"$WORK/standalone.log" 2>&1 &
  STANDALONE_PID=$!
  local waited=0
  until dashboard_answers; do
    kill -0 "$STANDALONE_PID" 2>/dev/null || { tail -30 "$WORK/standalone.log" >&2; fail "standalone exited"; }
    (( waited++ >= STARTUP_TIMEOUT )) && fail "standalone did not answer within ${STARTUP_TIMEOUT}s"
    sleep 1
  done
  # Wait for the demo's first matches, so that both looks see traffic.
  until [[ "$(curl -sf --max-time 2 "$URL/v1/dashboard" | grep -o '"total":[0-9]*' | head -1 | tr -dc '0-9')" -gt 0 ]]; do
    (( waited++ >= STARTUP_TIMEOUT )) && fail "no match formed within ${STARTUP_TIMEOUT}s (log: $WORK/standalone.log)"
    sleep 1
  done
}

# One look: the page renders $SNAPSHOTS events, closes its stream (?snapshots=N), and the
# browser, idle again, dumps the DOM. The virtual-time budget only bounds the idle wait.
look() {
  local out="$1" profile
  profile="$(mktemp -d "$WORK/profile.XXXXXX")"
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --virtual-time-budget=30000 \
    --dump-dom "$URL/?snapshots=$SNAPSHOTS" >"$out" 2>"$out.log" || { tail -5 "$out.log" >&2; fail "chromium failed"; }
}

# The text of the element with this id, or empty.
value() { grep -o "id=\"$2\"[^>]*>[^<]*" "$1" | head -1 | sed 's/.*>//'; }

snapshots_of() { grep -o 'data-snapshots="[0-9]*"' "$1" | head -1 | tr -dc '0-9'; }

ensure_chromium
[[ "${1:-}" == "--start" ]] && start_standalone
dashboard_answers || fail "no dashboard at $URL (start standalone: java -jar standalone/target/rivalry-standalone.jar, or use --start)"

look "$WORK/first.html"
sleep "$PAUSE"
look "$WORK/second.html"

for dump in first second; do
  file="$WORK/$dump.html"
  got="$(snapshots_of "$file")"
  [[ "$got" == "$SNAPSHOTS" ]] || fail "$dump look rendered ${got:-no} snapshots, expected $SNAPSHOTS (is the event stream served?)"
done

total1="$(value "$WORK/first.html" matches-total)"
total2="$(value "$WORK/second.html" matches-total)"
[[ "$total1" =~ ^[0-9]+$ && "$total2" =~ ^[0-9]+$ ]] || fail "matches-total not shown (got '$total1', '$total2')"
(( total2 > total1 )) || fail "matches-total did not change: $total1 then $total2 (is demo traffic on?)"
recent="$(grep -o 'data-match="' "$WORK/second.html" | wc -l)"
(( recent > 0 )) || fail "no recent matches listed"

for id in matches-per-second ttm-p50 ttm-p90 ttm-p99 waiting-total servers-READY servers-PLAYING servers-total; do
  printf '  %-20s %-10s -> %s\n' "$id" "$(value "$WORK/first.html" "$id")" "$(value "$WORK/second.html" "$id")"
done
echo "  matches-total        $total1 -> $total2; $recent recent matches listed"
echo "check-dashboard: OK: the dashboard at $URL is live and its numbers change"
