package dev.rivalry.tokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A kind of token: its {@code typ} header, issuer, audience, claims record and required
 * claims. There are exactly four, one constant each; the verifier checks {@code typ}
 * before anything else, so a token of one kind is never accepted as another even when
 * the same keys sign both.
 *
 * @param <C> the claims record of the kind
 */
public final class TokenKind<C> {

	/** The claims every kind requires, besides its own. */
	static final List<String> REGISTERED_CLAIMS = List.of("iss", "sub", "aud", "iat", "exp", "jti");

	/** Match token: matchmaker to serverlist, one per matched player. */
	public static final TokenKind<MatchClaims> MATCH = new TokenKind<>("match", Party.MATCHMAKER, Party.SERVERLIST,
			TokenLifetimes::match, ClaimCodecs.MATCH);

	/** Allocation token: serverlist to a player, for the allocated server (the audience). */
	public static final TokenKind<AllocationClaims> ALLOCATION = new TokenKind<>("allocation", Party.SERVERLIST,
			null, TokenLifetimes::allocation, ClaimCodecs.ALLOCATION);

	/** Report token: serverlist to a server, for reporting the match result to the matchmaker. */
	public static final TokenKind<ReportClaims> REPORT = new TokenKind<>("report", Party.SERVERLIST,
			Party.MATCHMAKER, TokenLifetimes::report, ClaimCodecs.REPORT);

	/** Server credential: serverlist to a registered server, for its later calls to the serverlist. */
	public static final TokenKind<ServerClaims> SERVER = new TokenKind<>("server", Party.SERVERLIST,
			Party.SERVERLIST, TokenLifetimes::server, ClaimCodecs.SERVER);

	private final String name;

	private final String type;

	private final Party issuer;

	private final Party audience;

	private final Function<TokenLifetimes, Duration> lifetime;

	private final ClaimCodec<C> codec;

	private TokenKind(String name, Party issuer, Party audience, Function<TokenLifetimes, Duration> lifetime,
			ClaimCodec<C> codec) {
		this.name = name;
		this.type = "rivalry-" + name + "+jwt";
		this.issuer = issuer;
		this.audience = audience;
		this.lifetime = lifetime;
		this.codec = codec;
	}

	/** @return the four kinds */
	public static List<TokenKind<?>> values() {
		return List.of(MATCH, ALLOCATION, REPORT, SERVER);
	}

	/** @return the short name, e.g. {@code match}; used in logs and metric tags */
	public String name() {
		return this.name;
	}

	/** @return the {@code typ} header value, e.g. {@code rivalry-match+jwt} */
	public String type() {
		return this.type;
	}

	/** @return the party that issues this kind */
	public Party issuer() {
		return this.issuer;
	}

	/**
	 * @return the party that is the audience, or empty when the audience is given per token
	 * (allocation tokens: the server's id)
	 */
	public Optional<Party> audience() {
		return Optional.ofNullable(this.audience);
	}

	/** @return every claim a token of this kind must carry */
	public List<String> requiredClaims() {
		List<String> required = new ArrayList<>(REGISTERED_CLAIMS);
		required.addAll(this.codec.required());
		return List.copyOf(required);
	}

	/**
	 * Whether a {@code typ} header value names this kind. Media types are compared without
	 * case and the {@code application/} prefix may be left out (RFC 7515, 4.1.9).
	 */
	boolean isTypeOf(String typ) {
		if (typ == null) {
			return false;
		}
		String type = typ.toLowerCase(Locale.ROOT);
		return type.equals(this.type) || type.equals("application/" + this.type);
	}

	Duration lifetimeIn(TokenLifetimes lifetimes) {
		return this.lifetime.apply(lifetimes);
	}

	ClaimCodec<C> codec() {
		return this.codec;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
