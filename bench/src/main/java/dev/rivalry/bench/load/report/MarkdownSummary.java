package dev.rivalry.bench.load.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link LoadReport} as a short, plain GitHub-flavoured Markdown summary: what
 * was run, the rates, the latencies against the goal, the errors and the exactly-once check.
 */
final class MarkdownSummary {

	private static final String NONE = "—";

	private MarkdownSummary() {
	}

	/**
	 * @param report the report
	 * @param plotFileName the chart's file name, relative to the summary
	 * @return the summary
	 */
	static String render(LoadReport report, String plotFileName) {
		StringBuilder out = new StringBuilder();
		LoadReport.Run run = report.run();
		out.append("# ").append(run.scenario()).append(" at ").append(Formats.number(run.targetRate()))
			.append(" tickets/s\n\n");
		appendRun(out, run);
		appendThroughput(out, report.throughput(), run.targetRate());
		appendLatencies(out, report, plotFileName);
		appendErrors(out, report.errors());
		appendTerminalCheck(out, report.terminal());
		return out.toString();
	}

	private static void appendRun(StringBuilder out, LoadReport.Run run) {
		out.append("## Run\n\n");
		out.append("- Profile: `").append(run.profile()).append("`, batch window ")
			.append(Formats.count(run.batchWindowMillis())).append(" ms\n");
		out.append("- Target rate: ").append(Formats.number(run.targetRate())).append(" tickets/s for ")
			.append(Formats.number(run.durationSeconds())).append(" s\n");
		out.append("- Started ").append(run.startedAt()).append(", finished ").append(run.finishedAt()).append("\n\n");
		out.append("Reproduce with:\n\n```sh\n").append(run.command()).append("\n```\n\n");
		List<List<String>> environment = run.environment()
			.entrySet()
			.stream()
			.map((entry) -> List.of(entry.getKey(), entry.getValue()))
			.toList();
		appendTable(out, List.of("Environment", ""), environment, false);
	}

	private static void appendThroughput(StringBuilder out, LoadReport.Throughput throughput, double targetRate) {
		out.append("## Throughput\n\n");
		List<List<String>> rows = List.of(
				List.of("Tickets accepted", inAll(perSecond(throughput.ticketsPerSecond()) + " of "
						+ Formats.number(targetRate) + "/s target", throughput.ticketsCreated())),
				List.of("Players", perSecond(throughput.playersPerSecond())),
				List.of("Matches", inAll(perSecond(throughput.matchesPerSecond()), throughput.matches())),
				List.of("Allocation calls",
						inAll(perSecond(throughput.allocationCallsPerSecond()), throughput.allocationCalls())),
				List.of("Server allocations",
						inAll(perSecond(throughput.serverAllocationsPerSecond()), throughput.serversAllocated())),
				List.of("Results reported", Formats.count(throughput.resultsReported())),
				List.of("Generator's max scheduler lag", Formats.oneDecimal(throughput.maxSchedulerLagMillis()) + " ms"));
		appendTable(out, List.of("Measure", "Value"), rows, true);
	}

	private static String perSecond(double rate) {
		return Formats.oneDecimal(rate) + "/s";
	}

	private static String inAll(String rate, long total) {
		return rate + " (" + Formats.count(total) + " in all)";
	}

	private static void appendLatencies(StringBuilder out, LoadReport report, String plotFileName) {
		out.append("## Latency (ms, from the intended send time)\n\n");
		Map<String, LatencySummary> latencies = report.latencies();
		List<List<String>> rows = LatencyNames.inReportOrder(latencies.keySet())
			.stream()
			.map((name) -> latencyRow(name, latencies.get(name)))
			.toList();
		appendTable(out, List.of("Distribution", "Count", "p50", "p90", "p95", "p99", "p99.9", "Max"), rows, true);
		appendGoal(out, Goal.of(report));
		out.append("![latency](").append(plotFileName).append(")\n\n");
	}

	private static List<String> latencyRow(String name, LatencySummary summary) {
		List<String> row = new ArrayList<>(List.of("`" + name + "`", Formats.count(summary.count())));
		for (double value : List.of(summary.p50(), summary.p90(), summary.p95(), summary.p99(), summary.p999(),
				summary.max())) {
			// An empty histogram reports zeros, which would read as "instant" rather than "nothing".
			row.add((summary.count() > 0) ? Formats.oneDecimal(value) : NONE);
		}
		return row;
	}

	private static void appendGoal(StringBuilder out, Goal goal) {
		out.append("**Goal:** p99 `").append(LatencyNames.CREATE_TO_TOKEN).append("` within the batch window + ")
			.append(Goal.MARGIN_MILLIS).append(" ms = ").append(Formats.oneDecimal(goal.limitMillis())).append(" ms: ");
		if (goal.measured()) {
			out.append(Formats.oneDecimal(goal.createToToken().p99())).append(" ms, **")
				.append(goal.met() ? "met" : "not met").append("**\n\n");
		}
		else {
			out.append("**not met** (nothing measured)\n\n");
		}
	}

	private static void appendErrors(StringBuilder out, Map<String, Long> errors) {
		out.append("## Errors\n\n");
		if (errors.isEmpty()) {
			out.append("None.\n\n");
			return;
		}
		List<List<String>> rows = errors.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.map((entry) -> List.of("`" + entry.getKey() + "`", Formats.count(entry.getValue())))
			.toList();
		appendTable(out, List.of("Kind", "Count"), rows, true);
	}

	private static void appendTerminalCheck(StringBuilder out, LoadReport.TerminalCheck check) {
		out.append("## Every ticket ended exactly once: ").append(check.passed() ? "PASSED" : "FAILED").append("\n\n");
		List<List<String>> rows = List.of(List.of("Created", Formats.count(check.created())),
				List.of("Matched", Formats.count(check.matched())),
				List.of("Cancelled", Formats.count(check.cancelled())),
				List.of("Expired", Formats.count(check.expired())),
				List.of("Late (terminal on the matchmaker, not yet on the stream)", Formats.count(check.late())),
				List.of("Lost", Formats.count(check.lost())),
				List.of("Several terminal states", Formats.count(check.duplicateTerminal())),
				List.of("Players in several matches", Formats.count(check.playersInSeveralMatches())),
				List.of("Inconsistent matches", Formats.count(check.inconsistentMatches())),
				List.of("Matched players whose create the generator gave up on", Formats.count(check.unacknowledgedPlayers())));
		appendTable(out, List.of("Tickets", "Count"), rows, true);
		boolean balanced = check.created() == check.matched() + check.cancelled() + check.expired() + check.late();
		out.append("Created ").append(balanced ? "=" : "≠").append(" matched + cancelled + expired + late: ")
			.append(Formats.count(check.created())).append(balanced ? " = " : " ≠ ")
			.append(Formats.count(check.matched())).append(" + ").append(Formats.count(check.cancelled()))
			.append(" + ").append(Formats.count(check.expired())).append(" + ").append(Formats.count(check.late()))
			.append("\n");
		if (!check.examples().isEmpty()) {
			out.append("\nFirst problems:\n\n");
			check.examples().forEach((example) -> out.append("- ").append(example).append('\n'));
		}
	}

	/**
	 * @param alignValuesRight whether every column but the first holds numbers, which read best
	 * right-aligned
	 */
	private static void appendTable(StringBuilder out, List<String> headers, List<List<String>> rows,
			boolean alignValuesRight) {
		appendRow(out, headers);
		List<String> alignment = new ArrayList<>();
		for (int column = 0; column < headers.size(); column++) {
			alignment.add((alignValuesRight && column > 0) ? "---:" : "---");
		}
		appendRow(out, alignment);
		rows.forEach((row) -> appendRow(out, row));
		out.append("\n");
	}

	private static void appendRow(StringBuilder out, List<String> cells) {
		out.append("|");
		// A pipe inside a value (an error kind, an environment entry) would otherwise split its cell.
		cells.forEach((cell) -> out.append(" ").append(cell.replace("|", "\\|")).append(" |"));
		out.append("\n");
	}

}
