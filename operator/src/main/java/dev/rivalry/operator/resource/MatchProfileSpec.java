package dev.rivalry.operator.resource;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.IntOrString;

/**
 * One profile of the profile file, key for key (kebab-case, as in the file, so a profile
 * moves between the file and a resource unchanged), plus {@code priority} and
 * {@code engine}. The schema here refuses what has the wrong shape; the profile reader
 * ({@code common-profiles}) judges the rest and its verdict is the resource's
 * {@code Accepted} condition. Two short forms of the file are spelt out here:
 * {@code strategy: rating} is {@code strategy: {type: rating}} and {@code pool-key: region}
 * is {@code pool-key: {attribute: region}}.
 *
 * @param filter the boolean filter, as in the file (checked by the reader)
 * @param teams teams per match and players per team
 * @param strategy how matches are formed; {@code first-come} when absent
 * @param poolKey the attribute that splits tickets into pools
 * @param batchWindow how long the engine gathers tickets before trying a pool
 * @param ticketTtl how long a ticket searches before it expires
 * @param config opaque, copied into matches and tokens
 * @param game the game the servers must run
 * @param backfillPriority how long a waiting ticket must have waited before an open
 * backfill of a running match takes it ahead of a new match
 * @param acceptance the ready check before a match is formed, none when absent
 * @param priority order among the namespace's profiles: lower first, then by name
 * @param engine the engines that serve this profile
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "priority", "engine", "filter", "teams", "strategy", "pool-key", "batch-window", "ticket-ttl",
		"config", "game", "backfill-priority", "acceptance" })
public record MatchProfileSpec(
		@JsonPropertyDescription("Which tickets the profile owns: a bool query as in docs/profiles.md; none matches every ticket.") @PreserveUnknownFields JsonNode filter,
		@JsonPropertyDescription("Teams per match and players per team.") @Required Teams teams,
		@JsonPropertyDescription("How matches are formed; first-come when absent.") Strategy strategy,
		@JsonProperty("pool-key") @JsonPropertyDescription("The ticket attribute that splits tickets into pools.") PoolKey poolKey,
		@JsonProperty("batch-window") @JsonPropertyDescription("How long the engine gathers tickets before trying a pool (default 100ms).") @Pattern(Durations.PATTERN) String batchWindow,
		@JsonProperty("ticket-ttl") @JsonPropertyDescription("How long a ticket searches before it expires (default 5m).") @Pattern(Durations.PATTERN) String ticketTtl,
		@JsonPropertyDescription("Opaque; copied into matches and tokens.") @PreserveUnknownFields JsonNode config,
		@JsonPropertyDescription("The game the servers must run (copied into tokens).") String game,
		@JsonProperty("backfill-priority") @JsonPropertyDescription("How long a waiting ticket must have waited before an open backfill takes it ahead of a new match (default 0s).") @Pattern(Durations.PATTERN) String backfillPriority,
		@JsonPropertyDescription("A ready check: matches are proposed and formed only when every player accepts within the timeout.") Acceptance acceptance,
		@JsonPropertyDescription("Order among the namespace's profiles, lower first, then by name: the first profile whose filter matches owns a ticket.") @Default("0") Integer priority,
		@JsonPropertyDescription("The engines that serve this profile.") Engine engine) {

	/** @return the priority, 0 when not given */
	public int priorityOrDefault() {
		return (this.priority != null) ? this.priority : 0;
	}

	/** @return the engine replicas asked for, 1 when not given */
	public int replicasOrDefault() {
		return (this.engine != null && this.engine.replicas() != null) ? this.engine.replicas() : 1;
	}

	/**
	 * @param count teams per match
	 * @param size players per team
	 */
	public record Teams(@Required @Min(1) Integer count, @Required @Min(1) Integer size) {
	}

	/**
	 * @param type {@code first-come} or {@code rating}
	 * @param parties the largest party
	 * @param balanceTeams spread players over teams by rating
	 * @param region choose a region from the tickets' latencies
	 * @param expansions the allowed rating spread over time ({@code rating} only)
	 * @param ratingAttribute a ticket attribute clients may supply as their rating
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Strategy(@Required @Pattern("^(first-come|rating)$") String type, Parties parties,
			@JsonProperty("balance-teams") Boolean balanceTeams, Region region, List<SpreadStep> expansions,
			@JsonProperty("rating-attribute") String ratingAttribute) {
	}

	/** @param maxSize the largest party (players on one ticket) */
	public record Parties(@JsonProperty("max-size") @Min(1) Integer maxSize) {
	}

	/** @param latencyExpansions steps widening the acceptable latency */
	public record Region(@JsonProperty("latency-expansions") @Required @Size(min = 1) List<LatencyStep> latencyExpansions) {
	}

	/**
	 * @param after from this wait on; the first step's is 0s or absent
	 * @param spread the allowed rating spread
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record SpreadStep(@Pattern(Durations.PATTERN) String after, @Required @Min(0) Double spread) {
	}

	/**
	 * @param after from this wait on; the first step's is 0s or absent
	 * @param maxLatency the highest acceptable latency: a duration, or milliseconds
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record LatencyStep(@Pattern(Durations.PATTERN) String after,
			@JsonProperty("max-latency") @Required IntOrString maxLatency) {
	}

	/**
	 * @param attribute the attribute (a dotted path) whose value is the pool
	 * @param required whether a ticket without it falls through to the next profile
	 * @param allowed the only values a ticket may give
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record PoolKey(@Required String attribute, Boolean required, @Size(min = 1) List<String> allowed) {
	}

	/** @param replicas engines for this profile; never more than the topic's partitions */
	/** @param timeout how long players have to accept, 1s to 10m */
	public record Acceptance(@Required @Pattern(Durations.PATTERN) String timeout) {
	}

	public record Engine(@Min(0) @Max(1000) @Default("1") Integer replicas) {
	}

	/** The duration syntax of the profile file; the reader checks the rest (e.g. never negative). */
	static final class Durations {

		static final String PATTERN = "^(0|[0-9]+([nNuUmM]?[sS]|[mMhHdD])|[pP][0-9tTdDhHmMsS.,]+)$";

		private Durations() {
		}

	}

}
