#!/usr/bin/env python3
"""Per-thread CPU of a JVM over a window (docs/benchmarks.md, "Where the CPU goes").

    bench/thread-cpu.py <pid> <seconds> [tickets]

Reads utime+stime of every thread in /proc/<pid>/task at the start and the end of the
window, groups threads by name with their trailing numbers removed, and prints CPU seconds
and shares per group; with the number of tickets created in the window, CPU per ticket.
"""
import os
import re
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def sample(pid):
    threads = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        threads[tid] = (name, int(fields[11]) + int(fields[12]))
    return threads


def group(name):
    return re.sub(r"[-#_ ]?\d+$", "-*", name)


def main():
    pid, seconds = sys.argv[1], float(sys.argv[2])
    tickets = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    before = sample(pid)
    time.sleep(seconds)
    after = sample(pid)
    groups = {}
    for tid, (name, ticks) in after.items():
        start = before.get(tid, (name, 0))[1]
        groups[group(name)] = groups.get(group(name), 0) + (ticks - start) / TICK
    total = sum(groups.values())
    print(f"total CPU {total:.1f} s over {seconds:.0f} s ({total / seconds:.2f} cores)")
    if tickets:
        print(f"{tickets} tickets: {1000 * total / tickets:.2f} ms of CPU per ticket")
    for name, cpu in sorted(groups.items(), key=lambda item: -item[1]):
        if cpu >= 0.05:
            print(f"| `{name}` | {cpu:.1f} | {100 * cpu / total:.0f} % |")


if __name__ == "__main__":
    main()
