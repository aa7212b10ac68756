#!/usr/bin/env bash
# CPU of a measured window of a load run (docs/benchmarks.md, "Throughput and load shedding"):
# per-thread CPU of the stack's JVM, the CPU of the embedded redis-server and of the
# generator, tickets accepted and creates shed over the window (from the matchmaker's
# metrics), and optionally an async-profiler flame graph (HTML) and its collapsed stacks.
#
#   bench/profile-window.sh <stack pid> <seconds> [flame.html]
#
# Environment: MANAGEMENT (default http://localhost:9080, the matchmaker's management port),
# REDIS_PID and GENERATOR_PID (default: the stack's redis-server child, the newest LoadMain),
# ASYNC_PROFILER (libasyncProfiler.so: from tools.profiler:async-profiler:4.1, linux-x64/ in the jar).
set -euo pipefail
cd "$(dirname "$0")/.."
pid=$1; seconds=$2; flame=${3:-}
management=${MANAGEMENT:-http://localhost:9080}
counts() {
  curl -s -m 30 "$management/actuator/prometheus" \
    | awk '/^rivalry_tickets_accepted_total/ {a+=$2} /^rivalry_limits_shed_total/ {s+=$2} END {printf "%d %d", a, s}'
}
cpu() { [[ -n $1 && -r /proc/$1/stat ]] && awk '{print $14+$15}' "/proc/$1/stat" || echo 0; }
# The stack's own embedded Redis (its child), and the newest generator unless named.
redis=${REDIS_PID:-$(pgrep -P "$pid" -f redis-server | head -1 || true)}
generator=${GENERATOR_PID:-$(pgrep -n -f dev.rivalry.bench.load.LoadMain || true)}
read -r accepted0 shed0 <<< "$(counts)"
redis0=$(cpu "$redis"); generator0=$(cpu "$generator")
agent() { java bench/tools/Attach.java "$pid" "${ASYNC_PROFILER:?set ASYNC_PROFILER}" "$1"; }
[[ -n $flame ]] && agent "start,event=cpu,interval=1ms"
threads=$(python3 bench/thread-cpu.py "$pid" "$seconds")
if [[ -n $flame ]]; then
  agent "dump,collapsed,file=${flame%.html}.collapsed"
  agent "stop,file=$flame"
fi
read -r accepted1 shed1 <<< "$(counts)"
tickets=$((accepted1 - accepted0))
total=$(head -1 <<< "$threads" | awk '{print $3}')
echo "window ${seconds} s, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "tickets accepted: $tickets, creates shed: $((shed1 - shed0))"
echo "stack JVM: $threads" | head -1
python3 -c "print(f'stack JVM per ticket: {1000 * $total / max($tickets, 1):.2f} ms')"
echo "redis-server: $(( $(cpu "$redis") - redis0 )) ticks, generator: $(( $(cpu "$generator") - generator0 )) ticks (1/$(getconf CLK_TCK) s)"
tail -n +2 <<< "$threads"
