package dev.rivalry.matchmaker.system;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The matchmaker's settings ({@code rivalry.matchmaker.*}). Tokens, profiles and the Redis
 * key layout have their own prefixes in the shared modules.
 *
 * @param heartbeat how often an idle event stream sends a comment, so proxies keep it open
 * @param expiry how tickets past their time to live are moved to {@code EXPIRED}
 * @param limits bounds on what one ticket may carry
 * @param dashboard the live dashboard at {@code /} and its feed
 * @param stream how records are sent to Kafka
 */
@Validated
@ConfigurationProperties("rivalry.matchmaker")
public record MatchmakerProperties(@DefaultValue("15s") @NotNull Duration heartbeat,
		@DefaultValue @Valid Expiry expiry, @DefaultValue @Valid Limits limits,
		@DefaultValue @Valid Dashboard dashboard, @DefaultValue @Valid Stream stream) {

	/**
	 * The Kafka binder sends synchronously (the 201 means "acknowledged by the broker"), so
	 * each record in flight holds a thread until its acknowledgement: at 5,000 tickets/s
	 * and 30 ms per acknowledgement, 150 threads. Reactor's shared bounded-elastic
	 * scheduler (10 per core) capped creates at a few hundred per second.
	 *
	 * @param sendThreads records in flight to Kafka at most; more wait in a queue
	 */
	public record Stream(@DefaultValue("256") @Min(1) @Max(4096) int sendThreads) {
	}

	/**
	 * Every instance sweeps; a ticket is moved by whichever gets there first (the move is
	 * one atomic script), so no instance is special.
	 *
	 * @param interval time between sweeps
	 * @param batch tickets moved per sweep at most
	 */
	public record Expiry(@DefaultValue("1s") @NotNull Duration interval,
			@DefaultValue("500") @Min(1) @Max(10_000) int batch) {
	}

	/**
	 * @param players players on one ticket at most (a party)
	 * @param attributes attributes on one ticket at most
	 */
	public record Limits(@DefaultValue("10") @Min(1) @Max(100) int players,
			@DefaultValue("32") @Min(1) @Max(256) int attributes) {
	}

	/**
	 * The live dashboard (docs/dashboard.md). Match figures come from this instance's view
	 * of every ticket change; waiting tickets and servers are read from the engines and
	 * the serverlist, and their sections are hidden when no URL is set.
	 *
	 * @param enabled whether the page and its feed exist (the feed decodes every ticket change)
	 * @param interval time between two snapshots
	 * @param timeout how long one snapshot waits for an engine or the serverlist
	 * @param engines base URLs of the match engines, whose {@code GET /v1/pools} are summed
	 * @param serverlist base URL of the serverlist, for {@code GET /v1/servers}, or none
	 * @param recentMatches how many of the latest matches are shown
	 */
	public record Dashboard(@DefaultValue("true") boolean enabled,
			@DefaultValue("1s") @NotNull @DurationMin(millis = 100) Duration interval,
			@DefaultValue("800ms") @NotNull @DurationMin(millis = 1) Duration timeout,
			@DefaultValue List<@NotNull URI> engines, URI serverlist,
			@DefaultValue("12") @Min(1) @Max(100) int recentMatches) {
	}

}
