#!/usr/bin/env bash
# Load runs from scratch: starts the standalone stack (demo off, the bench profiles),
# waits until it is healthy, warms its JVMs with a slower run of the same scenario, runs
# the open-loop generator with the given arguments once per rate, and stops the stack.
# Each report (JSON, Markdown, PNG) goes to --out (default bench/results).
#
#   bench/load.sh --scenario=duel-rating --rate=1000 --duration=30s
#   RATES="500 1000 2000 5000" bench/load.sh --scenario=squad --duration=30s
#
# Build first: ./mvnw -B -q -DskipTests package
# Environment:
#   STACK_JAVA   the java that runs the stack (default: java on PATH)
#   BENCH_JAVA   the java that runs the generator (default: java on PATH)
#   STACK_OPTS   JVM options of the stack (default: -Xms2g -Xmx2g)
#   RATES        several rates, one run each on the same stack, ascending (instead of --rate);
#                an entry may carry its own duration: RATES="500:30s 1000:30s 2000:15s 5000:10s"
#   WARM_UP      arguments of the warm-up run (default: --rate=300 --warmup=20s --duration=40s);
#                WARM_UP=none skips it. A fresh JVM compiles for minutes under load: without
#                it the first run measures the JIT compiler.
#   JFR=1        record the stack with Java Flight Recorder into the results folder
#   LIMITS       the stack's rate-limit settings (default: BENCH_LIMITS below). Every simulated
#                player and server calls from this machine, so the per-address limits, sized
#                for the players behind one real address, would refuse most of a load run:
#                they are raised out of the way. The per-player, per-ticket and failed-credential
#                limits keep their defaults, which one generated player never reaches.
set -euo pipefail
cd "$(dirname "$0")/.."

stack_java=${STACK_JAVA:-java}
bench_java=${BENCH_JAVA:-java}
out=bench/results
for arg in "$@"; do
  case "$arg" in --out=*) out=${arg#--out=} ;; esac
done
mkdir -p "$out"
stamp=$(date -u +%Y%m%dT%H%M%SZ)

for jar in standalone/target/rivalry-standalone.jar bench/target/benchmarks.jar; do
  [[ -f $jar ]] || { echo "missing $jar: run ./mvnw -B -q -DskipTests package first" >&2; exit 2; }
done
if curl -s -o /dev/null http://localhost:8080/ || curl -s -o /dev/null http://localhost:9080/; then
  echo "something already listens on :8080; stop it first (this script starts its own stack)" >&2
  exit 2
fi

BENCH_LIMITS="--rivalry.matchmaker.rate-limits.creates-per-address=1000000/1s \
 --rivalry.matchmaker.rate-limits.reads-per-address=1000000/1s \
 --rivalry.serverlist.rate-limits.registrations-per-address=1000000/1s"
read -ra limits <<< "${LIMITS:-$BENCH_LIMITS}"

jfr=()
if [[ ${JFR:-0} == 1 ]]; then
  jfr=("-XX:StartFlightRecording=settings=profile,filename=$out/stack-$stamp.jfr")
fi
# shellcheck disable=SC2086
RIVALRY_PROFILES=file:bench/profiles.yml "$stack_java" ${STACK_OPTS:--Xms2g -Xmx2g} "${jfr[@]}" \
  -jar standalone/target/rivalry-standalone.jar --demo=false "${limits[@]}" > "$out/stack-$stamp.log" 2>&1 &
stack=$!
trap 'kill $stack 2>/dev/null; wait $stack 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  # Health is on each service's management port (its port + 1000).
  if curl -fs http://localhost:9080/actuator/health > /dev/null \
      && curl -fs http://localhost:9081/actuator/health > /dev/null \
      && curl -fs http://localhost:9082/actuator/health > /dev/null; then
    break
  fi
  kill -0 $stack 2>/dev/null || { echo "the stack died; see $out/stack-$stamp.log" >&2; exit 1; }
  sleep 1
done

run() {
  "$bench_java" -cp bench/target/benchmarks.jar dev.rivalry.bench.load.LoadMain "$@"
}
if [[ ${WARM_UP:-} != none ]]; then
  echo "warming up the stack: ${WARM_UP:---rate=300 --warmup=20s --duration=40s}"
  # shellcheck disable=SC2086
  run "$@" ${WARM_UP:---rate=300 --warmup=20s --duration=40s} --out="$out/warm-up" > "$out/warm-up-$stamp.log" 2>&1 \
    || echo "the warm-up run's check failed; see $out/warm-up-$stamp.log" >&2
fi
if [[ -n ${RATES:-} ]]; then
  for entry in $RATES; do
    if [[ $entry == *:* ]]; then
      run "$@" --rate="${entry%%:*}" --duration="${entry#*:}" || status=$?
    else
      run "$@" --rate="$entry" || status=$?
    fi
  done
  exit "${status:-0}"
fi
run "$@"
