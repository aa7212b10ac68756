#!/usr/bin/env bash
# Chaos runs: the stack as separate processes — Redis (AOF, fsync every second), one Kafka
# node, the development identity provider, the serverlist, two matchmakers and two engines —
# under the open-loop load generator, with one fault injected at a chosen second. Writes the
# load report (JSON, Markdown, PNG), the pools' match times and the fault timeline: tickets
# acknowledged, lost, duplicated, late; the longest stall of matches in a pool; recovery time.
#
#   bench/chaos.sh engine-kill          kill -9 of the second engine
#   bench/chaos.sh engine-stop          SIGTERM of the second engine (graceful stop)
#   bench/chaos.sh engine-pause         SIGSTOP of the second engine for PAUSE seconds, then SIGCONT (a zombie)
#   bench/chaos.sh matchmaker-kill      kill -9 of the second matchmaker, its streams open
#   bench/chaos.sh redis-restart        Redis stopped (SHUTDOWN, or kill -9 with REDIS_STOP=kill), started DOWN_FOR s later
#   bench/chaos.sh kafka-restart        the Kafka node stopped (SIGTERM), started DOWN_FOR s later
#   bench/chaos.sh none                 no fault: the baseline
#
# Build first: ./mvnw -B -q -DskipTests package
# Environment (defaults in brackets):
#   RATE [40]         tickets/s of duel-first-come, over REGIONS [12 regions]
#   DURATION [90s]    measured window; WARMUP [60s] before it (a fresh JVM is slow for a minute); DRAIN [60s] after it
#   FAULT_AT [30]     seconds into the measured window when the fault is injected
#   PAUSE [20]        engine-pause: seconds stopped
#   DOWN_FOR [5]      redis-restart, kafka-restart: seconds down
#   SERVICE_OPTS      JVM options of each service [-Xms128m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1]:
#                     seven JVMs share the machine; C1 alone keeps their compilers off the cores
#   GROUP_PROTOCOL [classic]  the engines' consumer group protocol: classic (cooperative-sticky) or
#                     consumer (Kafka 4's; the Kafka node allows 6 s sessions for it)
#   OUT [bench/results/chaos]
# Extra arguments are passed to the load generator (e.g. --call-timeout=60s).
set -euo pipefail
cd "$(dirname "$0")/.."

scenario=${1:?usage: bench/chaos.sh engine-kill|engine-stop|engine-pause|matchmaker-kill|redis-restart|kafka-restart|none}
shift
case "$scenario" in
  engine-kill|engine-stop|engine-pause|matchmaker-kill|redis-restart|kafka-restart|none) ;;
  *) echo "unknown scenario $scenario" >&2; exit 2 ;;
esac
rate=${RATE:-40}
duration=${DURATION:-90s}
fault_at=${FAULT_AT:-30}
regions=${REGIONS:-eu,us,ap,sa,af,me,oc,na-east,na-west,eu-west,eu-east,asia}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=${OUT:-bench/results/chaos}/$scenario${GROUP_PROTOCOL:+-$GROUP_PROTOCOL}-$stamp
mkdir -p "$out"
work=$(mktemp -d /tmp/rivalry-chaos-XXXXXX)
java=${STACK_JAVA:-java}
read -ra opts <<< "${SERVICE_OPTS:--Xms128m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"

jar() { ls "$1"/target/"$1"-*-exec.jar 2>/dev/null | head -1; }
for j in "$(jar matchmaker)" "$(jar match-engine)" "$(jar serverlist)" "$(jar dev-identity)" \
    standalone/target/rivalry-standalone.jar bench/target/benchmarks.jar; do
  [[ -n $j && -f $j ]] || { echo "missing a jar: run ./mvnw -B -q -DskipTests package first" >&2; exit 2; }
done
command -v redis-server > /dev/null || { echo "no redis-server on the PATH (apt-get install redis-server)" >&2; exit 2; }
for port in 16379 19092 8080 8081 8082 8083 8090 8092; do
  if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
    echo "port $port is taken; stop what listens there first" >&2; exit 2
  fi
done

declare -A pids=()
cleanup() {
  for name in "${!pids[@]}"; do
    kill -CONT "${pids[$name]}" 2> /dev/null || true
    kill "${pids[$name]}" 2> /dev/null || true
  done
  wait 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

log() { echo "$(date -u +%H:%M:%S) $*" | tee -a "$out/timeline.log"; }

start_redis() {
  redis-server --port 16379 --bind 127.0.0.1 --dir "$work" --save "" --appendonly yes --appendfsync everysec \
    --daemonize no >> "$out/redis.log" 2>&1 &
  pids[redis]=$!
}
start_kafka() {
  "$java" -Xmx512m -cp standalone/target/rivalry-standalone.jar -Dloader.main=dev.rivalry.standalone.KafkaNode \
    org.springframework.boot.loader.launch.PropertiesLauncher --port=19092 --controller-port=19093 \
    --dir="$work/kafka" >> "$out/kafka.log" 2>&1 &
  pids[kafka]=$!
}
shared=(--rivalry.development.enabled=true --spring.data.redis.url=redis://127.0.0.1:16379
  --spring.cloud.stream.kafka.binder.brokers=localhost:19092 --spring.kafka.bootstrap-servers=localhost:19092)
identity=http://localhost:8083
# Every simulated player calls from this machine: the per-address limits are raised out of the way.
limits=(--rivalry.matchmaker.rate-limits.creates-per-address=1000000/1s
  --rivalry.matchmaker.rate-limits.reads-per-address=1000000/1s
  --rivalry.serverlist.rate-limits.registrations-per-address=1000000/1s)
service() { # name jar port args...
  local name=$1 jarfile=$2 port=$3
  shift 3
  RIVALRY_PROFILES=file:bench/profiles.yml "$java" "${opts[@]}" -jar "$jarfile" "${shared[@]}" \
    --server.port="$port" --management.server.port=$((port + 1000)) "$@" >> "$out/$name.log" 2>&1 &
  pids[$name]=$!
}
start_matchmaker() { # name port
  service "$1" "$(jar matchmaker)" "$2" "${limits[@]}" \
    "--rivalry.matchmaker.identity.providers[0].issuer=$identity" \
    "--rivalry.matchmaker.identity.providers[0].jwk-set-uri=$identity/.well-known/jwks.json" \
    "--rivalry.matchmaker.identity.providers[0].audiences[0]=rivalry" \
    --rivalry.tokens.remote.sources.serverlist=http://localhost:8081/.well-known/jwks.json
}
start_engine() { service "$1" "$(jar match-engine)" "$2" --rivalry.engine.group.protocol="${GROUP_PROTOCOL:-classic}"; }
kafka_ready_again() { [[ $(grep -c "Kafka node ready" "$out/kafka.log") -ge 2 ]]; }
healthy() { curl -fs -o /dev/null "http://localhost:$(($1 + 1000))/actuator/health"; }
await() { # what seconds command...
  local what=$1 seconds=$2
  shift 2
  for _ in $(seq 1 "$seconds"); do
    if "$@"; then return 0; fi
    sleep 1
  done
  echo "$what not ready after $seconds s; logs in $out" >&2
  exit 1
}

log "starting the stack (logs in $out)"
start_redis
start_kafka
await "Redis" 30 redis-cli -p 16379 ping
await "Kafka" 90 grep -q "Kafka node ready" "$out/kafka.log"
service identity "$(jar dev-identity)" 8083 "--rivalry.dev-identity.issuer=$identity" --rivalry.dev-identity.audience=rivalry
await "identity" 180 healthy 8083
start_matchmaker matchmaker-1 8080
start_matchmaker matchmaker-2 8090
service serverlist "$(jar serverlist)" 8081 "${limits[@]}" \
  --rivalry.tokens.remote.sources.matchmaker=http://localhost:8080/.well-known/jwks.json --rivalry.serverlist.fleets.dev=dev-fleet-key
start_engine engine-1 8082
await "matchmaker-1" 240 healthy 8080
await "matchmaker-2" 240 healthy 8090
await "serverlist" 240 healthy 8081
await "engine-1" 240 healthy 8082
start_engine engine-2 8092
await "engine-2" 240 healthy 8092
log "stack ready"

# Matched players do not allocate: the two matchmakers sign with keys of their own and the
# serverlist trusts one; faults of the allocation path are not what these runs measure.
"$java" -cp bench/target/benchmarks.jar dev.rivalry.bench.load.LoadMain --scenario=duel-first-come \
  --rate="$rate" --warmup="${WARMUP:-60s}" --duration="$duration" --drain="${DRAIN:-60s}" --regions="$regions" \
  --allocate=false --matchmaker=http://localhost:8080,http://localhost:8090 --out="$out" "$@" \
  > "$out/load.log" 2>&1 &
load=$!
await "the load generator's schedule" 300 grep -q "Sending" "$out/load.log"
warmup_s=${WARMUP:-60s}
sleep $(( ${warmup_s%s} + fault_at ))

fault_ms=$(date +%s%3N)
echo "$fault_ms" > "$out/fault-ms"
case "$scenario" in
  engine-kill) log "FAULT kill -9 engine-2"; kill -9 "${pids[engine-2]}" ;;
  engine-stop) log "FAULT SIGTERM engine-2"; kill -TERM "${pids[engine-2]}" ;;
  engine-pause)
    log "FAULT SIGSTOP engine-2 for ${PAUSE:-20} s"; kill -STOP "${pids[engine-2]}"
    sleep "${PAUSE:-20}"; kill -CONT "${pids[engine-2]}"; log "SIGCONT engine-2" ;;
  matchmaker-kill) log "FAULT kill -9 matchmaker-2"; kill -9 "${pids[matchmaker-2]}" ;;
  redis-restart)
    if [[ ${REDIS_STOP:-shutdown} == kill ]]; then
      log "FAULT kill -9 redis"; kill -9 "${pids[redis]}"
    else
      log "FAULT redis SHUTDOWN"; redis-cli -p 16379 shutdown || true
    fi
    wait "${pids[redis]}" 2> /dev/null || true
    sleep "${DOWN_FOR:-5}"; start_redis; await "Redis" 30 redis-cli -p 16379 ping; log "redis back" ;;
  kafka-restart)
    log "FAULT SIGTERM kafka"; kill -TERM "${pids[kafka]}"; wait "${pids[kafka]}" 2> /dev/null || true
    sleep "${DOWN_FOR:-5}"; start_kafka
    await "Kafka" 90 kafka_ready_again; log "kafka back" ;;
  none) log "no fault" ;;
esac
fault_end_ms=$(date +%s%3N)
echo "$fault_end_ms" > "$out/fault-end-ms"
if [[ $scenario == engine-kill || $scenario == engine-stop ]]; then
  wait "${pids[engine-2]}" 2> /dev/null || true
  unset 'pids[engine-2]'
fi
if [[ $scenario == matchmaker-kill ]]; then
  wait "${pids[matchmaker-2]}" 2> /dev/null || true
  unset 'pids[matchmaker-2]'
fi

status=0
wait "$load" || status=$?
log "load finished (exit $status)"
report=$(ls "$out"/duel-first-come-*.json | head -1)
"$java" -cp bench/target/benchmarks.jar dev.rivalry.bench.chaos.FaultTimeline --report="$report" --fault="$scenario" \
  --fault-at="$fault_ms" --fault-ends-at="$fault_end_ms" --command="${GROUP_PROTOCOL:+GROUP_PROTOCOL=$GROUP_PROTOCOL }RATE=$rate DURATION=$duration FAULT_AT=$fault_at bench/chaos.sh $scenario" \
  | tee "$out/fault.md"
exit "$status"
