package dev.rivalry.bench.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.rivalry.bench.load.PoolTimeline;
import dev.rivalry.bench.load.report.LatencyNames;
import dev.rivalry.bench.load.report.LatencySummary;
import dev.rivalry.bench.load.report.LoadReport;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fault timeline of one chaos run ({@code bench/chaos.sh}): from the load report, the
 * pools' match times and when the fault was injected, what the fault cost — tickets
 * acknowledged, lost, duplicated, late; the longest stall of matches in any pool after the
 * fault; how long until every stalled pool matched again.
 * <p>
 * A pool <em>stalls</em> when the gap between two of its matches (or from its last match to
 * the end of arrivals) is longer than both 2 s and three times its longest gap before the
 * fault: with tickets arriving all along, only a fault explains it. Only gaps that begin before
 * the fault is undone (plus 5 s) count: a paused engine's return moves partitions back, which
 * is the fault's doing; a gap a minute later is not. The recovery time is the longest time
 * from the fault to a stalled pool's first match after its stall.
 * <p>
 * {@code java -cp bench/target/benchmarks.jar dev.rivalry.bench.chaos.FaultTimeline
 * --report=<run>.json --fault=engine-kill --fault-at=<epoch ms> [--fault-ends-at=<epoch ms>] [--command="…"]}: prints the
 * timeline in Markdown and writes it next to the report ({@code <run>-fault.md}).
 */
public final class FaultTimeline {

	private static final long MIN_STALL_MILLIS = 2000;

	/** A gap that begins this long after the fault was undone is no longer the fault's. */
	private static final long SETTLE_MILLIS = 5000;

	private FaultTimeline() {
	}

	public static void main(String[] args) throws IOException {
		Map<String, String> given = new HashMap<>();
		for (String arg : args) {
			String[] pair = arg.substring(2).split("=", 2);
			given.put(pair[0], pair[1]);
		}
		Path reportPath = Path.of(given.get("report"));
		LoadReport report = JsonMapper.builder().build().readValue(reportPath.toFile(), LoadReport.class);
		Map<String, List<Long>> pools = PoolTimeline.read(PoolTimeline.besides(reportPath));
		long measuredFrom = report.run().startedAt().toEpochMilli();
		long arrivalsEnd = measuredFrom + Math.round(report.run().durationSeconds() * 1000);
		long faultAt = Long.parseLong(given.get("fault-at"));
		long faultEndsAt = Long.parseLong(given.getOrDefault("fault-ends-at", Long.toString(faultAt)));
		Result result = measure(pools, measuredFrom, faultAt, faultEndsAt, arrivalsEnd);
		String markdown = result.markdown(given.get("fault"), report, given.getOrDefault("command", ""));
		String name = reportPath.getFileName().toString().replace(".json", "-fault.md");
		Files.writeString(reportPath.resolveSibling(name), markdown, StandardCharsets.UTF_8);
		System.out.println(markdown);
	}

	/**
	 * @param pools each pool's match times, sorted (epoch ms)
	 * @param measuredFrom when the measured window began: gaps before it (the warm-up's ramp) are
	 * not a pool's normal
	 * @param faultAt when the fault was injected
	 * @param faultEndsAt when it was undone (a paused process resumed, a stopped one started
	 * again); {@code faultAt} for a fault that is not undone
	 * @param arrivalsEnd when the last ticket arrived
	 * @return the stalls the fault caused
	 */
	static Result measure(Map<String, List<Long>> pools, long measuredFrom, long faultAt, long faultEndsAt,
			long arrivalsEnd) {
		long longestStall = 0;
		String stalledPool = "";
		long recovery = 0;
		int stalledPools = 0;
		for (Map.Entry<String, List<Long>> pool : pools.entrySet()) {
			Stall stall = stallOf(pool.getValue(), measuredFrom, faultAt, faultEndsAt + SETTLE_MILLIS, arrivalsEnd);
			if (stall.millis() > longestStall) {
				longestStall = stall.millis();
				stalledPool = pool.getKey();
			}
			if (stall.millis() > Math.max(MIN_STALL_MILLIS, 3 * stall.normalGapMillis())) {
				stalledPools++;
				recovery = Math.max(recovery, stall.endedAt() - faultAt);
			}
		}
		return new Result(pools.size(), stalledPools, longestStall, stalledPool, recovery);
	}

	/** The longest gap of a pool's matches that ends after the fault, and its longest gap before it. */
	private static Stall stallOf(List<Long> times, long measuredFrom, long faultAt, long causedBefore,
			long arrivalsEnd) {
		long normal = 0;
		long longest = 0;
		long endedAt = faultAt;
		for (int i = 1; i < times.size(); i++) {
			long gap = times.get(i) - times.get(i - 1);
			if (times.get(i) <= faultAt) {
				if (times.get(i - 1) >= measuredFrom) {
					normal = Math.max(normal, gap);
				}
			}
			// Only a gap that began before the fault was over (and settled) is the fault's doing.
			else if (times.get(i - 1) < Math.min(arrivalsEnd, causedBefore) && gap > longest) {
				longest = gap;
				endedAt = times.get(i);
			}
		}
		// No match since the fault, though tickets kept arriving: stalled to the end of arrivals at least.
		long last = times.isEmpty() ? faultAt : times.get(times.size() - 1);
		if (last < arrivalsEnd && arrivalsEnd - Math.max(last, faultAt) > longest && last <= faultAt) {
			longest = arrivalsEnd - last;
			endedAt = arrivalsEnd;
		}
		return new Stall(longest, normal, endedAt);
	}

	record Stall(long millis, long normalGapMillis, long endedAt) {
	}

	/**
	 * @param pools pools that formed matches
	 * @param stalledPools pools that stalled after the fault
	 * @param longestStallMillis the longest gap between two matches of one pool after the fault
	 * @param longestStallPool the pool it was in
	 * @param recoveryMillis from the fault until every stalled pool matched again
	 */
	record Result(int pools, int stalledPools, long longestStallMillis, String longestStallPool, long recoveryMillis) {

		String markdown(String fault, LoadReport report, String command) {
			LoadReport.TerminalCheck check = report.terminal();
			LatencySummary toToken = report.latencies().get(LatencyNames.CREATE_TO_TOKEN);
			long duplicated = check.duplicateTerminal() + check.playersInSeveralMatches() + check.inconsistentMatches();
			StringBuilder out = new StringBuilder();
			out.append("# Fault timeline: ").append(fault).append("\n\n");
			out.append("- load: ").append(report.run().scenario()).append(", ")
				.append(format(report.run().targetRate())).append(" tickets/s for ")
				.append(format(report.run().durationSeconds())).append(" s, measured from ")
				.append(report.run().startedAt()).append('\n');
			out.append("- acknowledged (201): ").append(check.created()).append("; matched ").append(check.matched())
				.append(", cancelled at the end ").append(check.cancelled()).append(", expired ").append(check.expired())
				.append('\n');
			out.append("- lost: ").append(check.lost()).append("; duplicated: ").append(duplicated).append("; late: ")
				.append(check.late()).append("; check ").append(check.passed() ? "passed" : "FAILED").append('\n');
			out.append("- errors: ").append(report.errors()).append('\n');
			out.append("- longest stall of matches in one pool after the fault: ")
				.append(seconds(this.longestStallMillis)).append(" (").append(this.longestStallPool).append("); pools stalled: ")
				.append(this.stalledPools).append(" of ").append(this.pools).append('\n');
			out.append("- recovery (fault → every stalled pool matching again): ").append(seconds(this.recoveryMillis))
				.append('\n');
			if (toToken != null) {
				out.append("- create → token p50 / p99 / max: ").append(format(toToken.p50())).append(" / ")
					.append(format(toToken.p99())).append(" / ").append(format(toToken.max())).append(" ms\n");
			}
			out.append("\nRow for docs/reliability.md:\n\n| ").append(fault).append(" | ")
				.append(format(report.run().targetRate())).append("/s ").append(report.run().scenario()).append(" | ")
				.append(check.created()).append(" | ").append(check.lost()).append(" | ").append(duplicated).append(" | ")
				.append(check.late()).append(" | ").append(seconds(this.longestStallMillis)).append(" | ")
				.append(this.stalledPools).append('/').append(this.pools).append(" | ")
				.append(seconds(this.recoveryMillis)).append(" | `").append(command).append("` |\n");
			return out.toString();
		}

		private static String seconds(long millis) {
			return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
		}

		private static String format(double value) {
			return (value == Math.rint(value)) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
		}

	}


}
