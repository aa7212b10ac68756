package dev.rivalry.bench.load.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Everything one load run measured: what was asked, what the system did, and whether
 * every ticket ended exactly once. Written as JSON, summarised as Markdown and plotted by
 * {@link ReportWriter}.
 *
 * @param run what was run, where and on what
 * @param throughput rates over the arrival window
 * @param latencies latency distributions by name (see {@link LatencyNames}), in milliseconds
 * @param errors failed calls by kind, e.g. {@code create:503:ticket-stream-unavailable} or
 * {@code allocate:timeout}
 * @param terminal the exactly-one-terminal-state check
 * @param timeline one entry per second of the run, arrivals and drain
 */
public record LoadReport(Run run, Throughput throughput, Map<String, LatencySummary> latencies, Map<String, Long> errors,
		TerminalCheck terminal, List<Second> timeline) {

	/**
	 * @param scenario the scenario's name, e.g. {@code duel-rating}
	 * @param profile the match profile its tickets fall in
	 * @param batchWindowMillis the profile's batching window (the goal is p99 within it plus 100 ms)
	 * @param targetRate tickets per second asked for
	 * @param durationSeconds how long tickets arrived
	 * @param startedAt when the first ticket was due
	 * @param finishedAt when the run ended (after the drain)
	 * @param command the command line that reproduces the run
	 * @param environment machine and endpoints: {@code java}, {@code cores}, {@code matchmaker}, …
	 */
	public record Run(String scenario, String profile, long batchWindowMillis, double targetRate, double durationSeconds,
			Instant startedAt, Instant finishedAt, String command, Map<String, String> environment) {
	}

	/**
	 * @param ticketsCreated tickets answered {@code 201}
	 * @param ticketsPerSecond tickets answered {@code 201} per second of the arrival window
	 * @param playersPerSecond players on those tickets per second
	 * @param matches distinct matches seen on the players' streams
	 * @param matchesPerSecond matches per second of the arrival window
	 * @param allocationCalls {@code POST /v1/allocations} answered {@code 200}
	 * @param allocationCallsPerSecond those per second
	 * @param serversAllocated allocations the simulated servers received (one per match)
	 * @param serverAllocationsPerSecond those per second
	 * @param resultsReported results the matchmaker accepted
	 * @param maxSchedulerLagMillis how late the generator itself sent its latest request (its own health:
	 * large values mean the generator, not the system, was the limit)
	 */
	public record Throughput(long ticketsCreated, double ticketsPerSecond, double playersPerSecond, long matches,
			double matchesPerSecond, long allocationCalls, double allocationCallsPerSecond, long serversAllocated,
			double serverAllocationsPerSecond, long resultsReported, double maxSchedulerLagMillis) {
	}

	/**
	 * Every ticket answered {@code 201} must end in exactly one terminal state; tickets still
	 * searching when the drain ends are cancelled by the generator (and must then end
	 * {@code CANCELLED}, or {@code MATCHED} if a match won the race).
	 *
	 * @param created tickets answered {@code 201}
	 * @param matched tickets whose stream ended {@code MATCHED}
	 * @param cancelled tickets whose stream ended {@code CANCELLED} (left over and cancelled at the end)
	 * @param expired tickets whose stream ended {@code EXPIRED}
	 * @param lost created tickets with no terminal state at all: none on their streams, none on the matchmaker
	 * @param late created tickets whose streams showed no terminal state by the end of the run while
	 * the matchmaker held one (read with {@code GET /v1/tickets/{id}}): a delivery later than the
	 * run's drain and grace, a latency failure rather than a loss
	 * @param duplicateTerminal tickets that reported more than one terminal state
	 * @param playersInSeveralMatches players that appeared in more than one match
	 * @param inconsistentMatches matches whose participants did not agree with the tickets that reported them
	 * @param unacknowledgedPlayers players in a match whose ticket the generator never got a {@code 201}
	 * for: its create timed out on the client's side but was stored; not a failure (the client
	 * cannot tell), but a sign of overload
	 * @param examples the first few problems, by ticket and match id, to look them up
	 */
	// The verdict is written for whoever reads the JSON alone, and skipped on reading since it is derived.
	@JsonIgnoreProperties(value = "passed", allowGetters = true)
	public record TerminalCheck(long created, long matched, long cancelled, long expired, long lost, long late,
			long duplicateTerminal, long playersInSeveralMatches, long inconsistentMatches, long unacknowledgedPlayers,
			List<String> examples) {

		/** @return whether nothing was lost and nothing happened twice */
		@JsonProperty("passed")
		public boolean passed() {
			return this.lost == 0 && this.duplicateTerminal == 0 && this.playersInSeveralMatches == 0
					&& this.inconsistentMatches == 0
					&& this.created == this.matched + this.cancelled + this.expired + this.late;
		}

	}

	/**
	 * @param second seconds since the first ticket was due
	 * @param created tickets answered {@code 201} in that second
	 * @param matched tickets whose match token arrived in that second
	 * @param allocated allocation calls answered {@code 200} in that second
	 * @param errors failed calls in that second
	 */
	public record Second(int second, long created, long matched, long allocated, long errors) {
	}

}
