package dev.rivalry.matchmaker.ticket;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /v1/tickets}.
 *
 * @param players one player, or a party that will play on one team
 * @param attributes what the profiles' filters are tested against (e.g. mode, region)
 * @param latencies measured round trips in milliseconds by region, optional
 * @param requestId an idempotency key: the same key (for the same first player) returns
 * the same ticket, published once
 */
record CreateTicketRequest(@NotEmpty @Size(max = 100) List<@Valid @NotNull PlayerRequest> players,
		Map<@NotNull @Size(min = 1, max = 64) String, Object> attributes,
		Map<@NotNull @Size(min = 1, max = 64) String, @NotNull @PositiveOrZero @Max(60_000) Integer> latencies,
		@Size(min = 1, max = 128) @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be printable ASCII") String requestId) {

	/**
	 * A player on the ticket.
	 * @param id the player's id
	 */
	record PlayerRequest(@NotNull @Size(min = 1, max = 128)
	@Pattern(regexp = "[A-Za-z0-9._:@-]+", message = "must use letters, digits and . _ : @ - only") String id) {
	}

}
