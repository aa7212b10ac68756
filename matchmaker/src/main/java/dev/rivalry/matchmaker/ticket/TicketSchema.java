package dev.rivalry.matchmaker.ticket;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.rivalry.matchmaker.system.MatchmakerProperties;
import dev.rivalry.matchmaker.ticket.CreateTicketRequest.PlayerRequest;
import dev.rivalry.profiles.MatchProfiles;
import dev.rivalry.profiles.PoolKey;
import dev.rivalry.profiles.Profile;
import dev.rivalry.tickets.Ticket;
import dev.rivalry.web.InvalidRequestException.FieldError;

/**
 * The rules of a ticket request's body (docs/api.md, "Limits"), checked before anything is
 * written or published, so that whatever passes can be stored, encoded as a Kafka record
 * and pooled. Every field at fault is named by its path ({@code attributes.tags[3]}); a
 * value is quoted only shortened. Pure and thread safe.
 */
final class TicketSchema {

	/** Attribute names: a letter, then letters, digits, {@code _ . -}; 64 characters at most. */
	static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

	/** Characters of a string attribute value at most. */
	static final int MAX_TEXT = 256;

	/** Items of a list attribute at most. */
	static final int MAX_ITEMS = 32;

	/** Regions of a ticket's latencies at most. */
	static final int MAX_LATENCIES = 32;

	/** The highest latency a ticket may report, in milliseconds. */
	static final int MAX_LATENCY_MILLIS = 10_000;

	/** The pool key attribute whose allowed values are region names. */
	static final String REGION = "region";

	private static final Pattern PLAYER_ID = Pattern.compile(Ticket.Player.ID);

	private static final Pattern REQUEST_ID = Pattern.compile("[\\x21-\\x7e]{1,128}");

	private final int maxPlayers;

	private final int maxAttributes;

	private final Set<String> regions;

	/**
	 * @param regions the region names latencies may name; empty for any well-formed name
	 */
	TicketSchema(int maxPlayers, int maxAttributes, Set<String> regions) {
		this.maxPlayers = maxPlayers;
		this.maxAttributes = maxAttributes;
		this.regions = Set.copyOf(regions);
	}

	/**
	 * The schema of these settings: the known regions are the configured ones and the allowed
	 * values of every profile's {@value #REGION} pool key.
	 */
	static TicketSchema of(MatchmakerProperties.Limits limits, MatchProfiles profiles) {
		Set<String> regions = new LinkedHashSet<>(limits.regions());
		for (Profile profile : profiles.all()) {
			PoolKey poolKey = profile.poolKey();
			if (poolKey != null && poolKey.attribute().name().equals(REGION)) {
				regions.addAll(poolKey.allowed());
			}
		}
		return new TicketSchema(limits.players(), limits.attributes(), regions);
	}

	/** @return the region names latencies may name, empty when any well-formed name will do */
	Set<String> regions() {
		return this.regions;
	}

	/**
	 * Checks the body's players, attributes, latencies and request id.
	 * @return the fields at fault, empty when the body is well formed
	 */
	List<FieldError> check(CreateTicketRequest request) {
		List<FieldError> errors = new ArrayList<>();
		checkPlayers(request.players(), errors);
		checkAttributes(request.attributes(), errors);
		checkLatencies(request.latencies(), errors);
		if (request.requestId() != null && !REQUEST_ID.matcher(request.requestId()).matches()) {
			errors.add(new FieldError("requestId", "must be 1 to 128 printable ASCII characters, no spaces"));
		}
		return errors;
	}

	/**
	 * Checks the value of the owning profile's pool key, which becomes a Kafka record key and
	 * a pool in the engine: a ticket that gives one must give a well-formed, allowed one.
	 * @param attributes attributes that passed {@link #check}
	 * @return the fields at fault, empty when the ticket may be pooled
	 */
	List<FieldError> checkPool(Profile profile, Map<String, Object> attributes) {
		PoolKey poolKey = profile.poolKey();
		if (poolKey == null || poolKey.attribute().valueIn(attributes) == null) {
			return List.of();
		}
		String pool = poolKey.valueOf(attributes);
		if (poolKey.admits(pool)) {
			return List.of();
		}
		String field = "attributes." + poolKey.attribute().name();
		if (pool != null && PoolKey.VALUE.matcher(pool).matches()) {
			return List.of(new FieldError(field,
					"must be one of " + String.join(", ", poolKey.allowed()) + " (profile '" + profile.name() + "')"));
		}
		return List.of(new FieldError(field, "must be a single value of 1 to 64 letters, digits, '.', '_' or '-' "
				+ "(it chooses the ticket's pool)"));
	}

	private void checkPlayers(List<PlayerRequest> players, List<FieldError> errors) {
		if (players == null || players.isEmpty()) {
			errors.add(new FieldError("players", "must not be empty"));
			return;
		}
		if (players.size() > this.maxPlayers) {
			errors.add(new FieldError("players",
					players.size() + " players, at most " + this.maxPlayers + " are allowed on one ticket"));
			return;
		}
		for (int i = 0; i < players.size(); i++) {
			PlayerRequest player = players.get(i);
			if (player == null || player.id() == null) {
				errors.add(new FieldError("players[" + i + "]" + ((player == null) ? "" : ".id"), "must not be null"));
			}
			else if (!PLAYER_ID.matcher(player.id()).matches()) {
				errors.add(new FieldError("players[" + i + "].id",
						"must be 1 to 128 letters, digits and . _ : @ - only"));
			}
		}
	}

	private void checkAttributes(Map<String, Object> attributes, List<FieldError> errors) {
		if (attributes == null) {
			return;
		}
		if (attributes.size() > this.maxAttributes) {
			errors.add(new FieldError("attributes",
					attributes.size() + " attributes, at most " + this.maxAttributes + " are allowed"));
			return;
		}
		attributes.forEach((name, value) -> {
			if (!ATTRIBUTE_NAME.matcher(name).matches()) {
				errors.add(new FieldError("attributes", "'" + shortened(name) + "' is not an attribute name: a letter, "
						+ "then up to 63 letters, digits, '_', '.' or '-'"));
			}
			else {
				checkAttribute("attributes." + name, value, errors);
			}
		});
	}

	private static void checkAttribute(String field, Object value, List<FieldError> errors) {
		if (value instanceof List<?> list) {
			if (list.size() > MAX_ITEMS) {
				errors.add(new FieldError(field, "must have at most " + MAX_ITEMS + " items, not " + list.size()));
				return;
			}
			// The first bad item only: a list cannot multiply the errors of one attribute.
			for (int i = 0; i < list.size(); i++) {
				String problem = scalarProblem(list.get(i), "(lists are flat)");
				if (problem != null) {
					errors.add(new FieldError(field + "[" + i + "]", problem));
					return;
				}
			}
			return;
		}
		String problem = scalarProblem(value, "or a list of those");
		if (problem != null) {
			errors.add(new FieldError(field, problem));
		}
	}

	/** @return what is wrong with a value that must be a string, a finite number or a boolean; null when nothing */
	private static String scalarProblem(Object value, String orElse) {
		if (value == null) {
			return "must not be null";
		}
		if (value instanceof String text) {
			return (text.length() <= MAX_TEXT) ? null : "must be at most " + MAX_TEXT + " characters, not " + text.length();
		}
		if (value instanceof Boolean) {
			return null;
		}
		if (value instanceof Number number) {
			return isFinite(number) ? null : "must be a finite number";
		}
		return "must be a string, a number or a boolean " + orElse + ", not " + ((value instanceof List) ? "a list"
				: (value instanceof Map) ? "an object" : value.getClass().getSimpleName());
	}

	/**
	 * Whether a number is finite as a double: the engine reads numbers as doubles, so a
	 * {@code 1e999} that arrived as a BigDecimal would become an infinity there.
	 */
	private static boolean isFinite(Number number) {
		if (number instanceof BigDecimal || number instanceof BigInteger || number instanceof Double
				|| number instanceof Float) {
			return Double.isFinite(number.doubleValue());
		}
		return true;
	}

	private void checkLatencies(Map<String, Integer> latencies, List<FieldError> errors) {
		if (latencies == null) {
			return;
		}
		if (latencies.size() > MAX_LATENCIES) {
			errors.add(new FieldError("latencies",
					latencies.size() + " regions, at most " + MAX_LATENCIES + " are allowed"));
			return;
		}
		latencies.forEach((region, millis) -> {
			if (!PoolKey.VALUE.matcher(region).matches()) {
				errors.add(new FieldError("latencies",
						"'" + shortened(region) + "' is not a region name: 1 to 64 letters, digits, '.', '_' or '-'"));
			}
			else if (!this.regions.isEmpty() && !this.regions.contains(region)) {
				errors.add(new FieldError("latencies." + region,
						"is not a known region; one of " + String.join(", ", this.regions)));
			}
			else if (millis == null || millis < 0 || millis > MAX_LATENCY_MILLIS) {
				errors.add(new FieldError("latencies." + region,
						(millis == null) ? "must not be null" : "must be 0 to " + MAX_LATENCY_MILLIS + " milliseconds"));
			}
		});
	}

	/** A client's text cut for a message, so a refusal never echoes a large value. */
	private static String shortened(String text) {
		return (text.length() > 40) ? text.substring(0, 37) + "..." : text;
	}

}
