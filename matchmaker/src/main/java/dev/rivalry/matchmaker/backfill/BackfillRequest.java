package dev.rivalry.matchmaker.backfill;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /v1/matches/{matchId}/backfills}: the players a game server wants for its
 * running match. Bean validation bounds the shape (400); whether the slots fit the match's
 * teams is the service's check (422).
 *
 * @param slots players wanted per team, one entry per team
 * @param ttl how long to search, e.g. {@code 60s} or {@code PT1M}; absent for the default
 */
public record BackfillRequest(@NotNull @Size(min = 1, max = 64) List<@NotNull @Valid Slot> slots,
		@Size(max = 32) String ttl) {

	private static final Pattern SIMPLE = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");

	/**
	 * @param team the team's number, 1 for the first team of the match's team order
	 * @param count how many players it wants
	 */
	public record Slot(@NotNull @Min(1) @Max(64) Integer team, @NotNull @Min(1) @Max(64) Integer count) {
	}

	/**
	 * @return the time to live asked for, or {@code null} when none was
	 * @throws IllegalArgumentException when {@code ttl} is not a duration
	 */
	Duration parsedTtl() {
		if (this.ttl == null) {
			return null;
		}
		Matcher simple = SIMPLE.matcher(this.ttl.trim().toLowerCase(Locale.ROOT));
		if (simple.matches()) {
			long amount = Long.parseLong(simple.group(1));
			return switch (simple.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				default -> Duration.ofHours(amount);
			};
		}
		try {
			return Duration.parse(this.ttl.trim());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("must be a duration such as 30s, 2m or PT90S");
		}
	}

}
