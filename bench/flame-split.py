#!/usr/bin/env python3
"""Splits an async-profiler collapsed-stack file by the part of the stack each sample
belongs to (docs/benchmarks.md, "Where the CPU goes").

    bench/flame-split.py <profile.collapsed>

A sample counts for the first part, in the order below, that any frame of its stack names.
"""
import sys

PARTS = [
    ("JIT compiler", ["CompileBroker"]),
    ("GC", ["G1", "GCTaskThread", "WorkerThread::run", "ConcurrentGCThread"]),
    ("match tokens: signing", ["TokenIssuer.issue"]),
    ("player tokens: verifying", ["NimbusReactiveJwtDecoder", "ECDSAVerifier"]),
    ("Kafka broker (in-process)", ["kafka/server", "kafka/network", "kafka/raft", "kafka/log", "storage/internals",
                                   "kafka/controller", "apache/kafka/image", "apache/kafka/metadata",
                                   "kafka/coordinator", "apache/kafka/raft"]),
    ("matching (engine pools, strategies)", ["dev/rivalry/engine"]),
    ("Kafka clients and binder", ["apache/kafka/clients", "springframework/kafka", "springframework/cloud/stream",
                                  "springframework/integration", "cloud/function", "apache/kafka/common"]),
    ("Redis client (Lettuce)", ["io/lettuce"]),
    ("HTTP (Netty, WebFlux, security, SSE, JSON)", ["reactor/netty", "io/netty", "springframework/web",
                                                    "springframework/http", "springframework/security"]),
]


def main():
    counts = {name: 0 for name, _ in PARTS}
    other = total = 0
    with open(sys.argv[1]) as f:
        for line in f:
            stack, n = line.rsplit(" ", 1)
            n = int(n)
            total += n
            for name, needles in PARTS:
                if any(needle in stack for needle in needles):
                    counts[name] += n
                    break
            else:
                other += n
    for name, _ in PARTS:
        print(f"| {name} | {100 * counts[name] / total:.1f} % |")
    print(f"| other (Reactor schedulers, JVM, kernel) | {100 * other / total:.1f} % |")
    print(f"samples: {total}")


if __name__ == "__main__":
    main()
