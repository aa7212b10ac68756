package dev.rivalry.matchmaker.identity;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.rivalry.matchmaker.system.MatchmakerProperties;
import dev.rivalry.tickets.Ticket;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/**
 * Reads the {@link Caller} out of a verified token: a token with the back-end scope (in
 * {@code scope}, space separated, or {@code scp}, a list, as providers differ) is a game
 * back end's; any other is a player's, whose id is the configured claim and must look like
 * a player id. A token that names no usable player is refused like a badly signed one.
 */
final class JwtCallers implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

	/** The player-id rule of tickets, so a token's player can own a ticket. */
	private static final Pattern PLAYER_ID = Pattern.compile(Ticket.Player.ID);

	private static final int MAX_PARTY = 100;

	private final String playerClaim;

	private final String partyClaim;

	private final String backendScope;

	private final IdentityMetrics metrics;

	JwtCallers(MatchmakerProperties.Identity identity, IdentityMetrics metrics) {
		this.playerClaim = identity.playerClaim();
		this.partyClaim = identity.partyClaim();
		this.backendScope = identity.backendScope();
		this.metrics = metrics;
	}

	@Override
	public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
		return Mono.<AbstractAuthenticationToken>fromCallable(() -> new CallerAuthentication(callerOf(jwt)))
			.doOnNext((caller) -> this.metrics.verified());
	}

	Caller callerOf(Jwt jwt) {
		if (scopesOf(jwt).contains(this.backendScope)) {
			String clientId = firstString(jwt, "client_id", "azp", "sub");
			return new Caller.Backend((clientId != null) ? clientId : "unnamed");
		}
		Object player = jwt.getClaims().get(this.playerClaim);
		if (!(player instanceof String id) || !PLAYER_ID.matcher(id).matches()) {
			throw new BadJwtException("The token's '" + this.playerClaim + "' claim is not a player id");
		}
		return new Caller.Player(id, partyOf(jwt));
	}

	private Set<String> partyOf(Jwt jwt) {
		Object party = jwt.getClaims().get(this.partyClaim);
		if (party == null) {
			return Set.of();
		}
		if (!(party instanceof Collection<?> members) || members.size() > MAX_PARTY
				|| !members.stream().allMatch((member) -> member instanceof String id && PLAYER_ID.matcher(id).matches())) {
			throw new BadJwtException("The token's '" + this.partyClaim + "' claim is not a list of player ids");
		}
		Set<String> ids = new LinkedHashSet<>();
		members.forEach((member) -> ids.add((String) member));
		return ids;
	}

	private static Set<String> scopesOf(Jwt jwt) {
		Set<String> scopes = new LinkedHashSet<>();
		if (jwt.getClaims().get("scope") instanceof String scope) {
			scopes.addAll(Arrays.asList(scope.trim().split("\\s+")));
		}
		if (jwt.getClaims().get("scp") instanceof Collection<?> scp) {
			scp.forEach((value) -> scopes.add(String.valueOf(value)));
		}
		return scopes;
	}

	private static String firstString(Jwt jwt, String... claims) {
		return List.of(claims)
			.stream()
			.map(jwt.getClaims()::get)
			.filter(String.class::isInstance)
			.map(String.class::cast)
			.findFirst()
			.orElse(null);
	}

}
