package dev.rivalry.matchmaker.system;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

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
 */
@Validated
@ConfigurationProperties("rivalry.matchmaker")
public record MatchmakerProperties(@DefaultValue("15s") @NotNull Duration heartbeat,
		@DefaultValue @Valid Expiry expiry, @DefaultValue @Valid Limits limits) {

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

}
