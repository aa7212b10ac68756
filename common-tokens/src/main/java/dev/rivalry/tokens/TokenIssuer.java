package dev.rivalry.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;

/**
 * Signs claims into compact JWS tokens with the active key of a {@link SigningKeys}.
 *
 * <p>Every token carries {@code kid} and the kind's {@code typ} in its header, and
 * {@code iss}, {@code sub}, {@code aud}, {@code iat}, {@code exp} and a random {@code jti}
 * in its payload. Signing is CPU work only, so {@link #issue} is synchronous and safe to
 * call on an event loop. Thread-safe.
 */
public final class TokenIssuer {

	private final SigningKeys keys;

	private final PartyNames names;

	private final TokenLifetimes lifetimes;

	private final Clock clock;

	/**
	 * @param keys the keys to sign with (the active one signs)
	 * @param names the parties' names for {@code iss} and {@code aud}
	 * @param lifetimes the lifetime of each kind
	 * @param clock the clock for {@code iat} and {@code exp}
	 */
	public TokenIssuer(SigningKeys keys, PartyNames names, TokenLifetimes lifetimes, Clock clock) {
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.names = Objects.requireNonNull(names, "names must not be null");
		this.lifetimes = Objects.requireNonNull(lifetimes, "lifetimes must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	/** An issuer with the default names and lifetimes and the UTC system clock. */
	public TokenIssuer(SigningKeys keys) {
		this(keys, PartyNames.defaults(), TokenLifetimes.defaults(), Clock.systemUTC());
	}

	/**
	 * Issues a token with the kind's configured lifetime.
	 * @param <C> the claims type
	 * @param kind the kind of token
	 * @param claims its claims
	 * @return the signed token
	 */
	public <C> IssuedToken issue(TokenKind<C> kind, C claims) {
		return issue(kind, claims, this.lifetimes.of(kind));
	}

	/**
	 * Issues a token with an explicit lifetime, e.g. a report token sized to a long match.
	 * @param <C> the claims type
	 * @param kind the kind of token
	 * @param claims its claims
	 * @param lifetime how long it stays valid, at least one second
	 * @return the signed token
	 */
	public <C> IssuedToken issue(TokenKind<C> kind, C claims, Duration lifetime) {
		Objects.requireNonNull(kind, "kind must not be null");
		Objects.requireNonNull(claims, "claims must not be null");
		if (lifetime == null || lifetime.getSeconds() < 1) {
			throw new IllegalArgumentException("lifetime must be at least one second");
		}
		SigningKey key = this.keys.active();
		Instant issuedAt = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant expiresAt = issuedAt.plusSeconds(lifetime.getSeconds());
		String jti = UUID.randomUUID().toString();
		JWSHeader header = new JWSHeader.Builder(key.algorithm()).keyID(key.kid())
			.type(new JOSEObjectType(kind.type()))
			.build();
		JWSObject jws = new JWSObject(header, new Payload(payload(kind, claims, issuedAt, expiresAt, jti)));
		try {
			jws.sign(key.signer());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("signing a " + kind + " token with key " + key.kid() + " failed", ex);
		}
		return new IssuedToken(jws.serialize(), jti, issuedAt, expiresAt);
	}

	private <C> Map<String, Object> payload(TokenKind<C> kind, C claims, Instant issuedAt, Instant expiresAt,
			String jti) {
		ClaimCodec<C> codec = kind.codec();
		String audience = kind.audience().map(this.names::nameOf).orElseGet(() -> codec.audience(claims));
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("iss", this.names.nameOf(kind.issuer()));
		payload.put("sub", codec.subject(claims));
		payload.put("aud", audience);
		payload.put("iat", issuedAt.getEpochSecond());
		payload.put("exp", expiresAt.getEpochSecond());
		payload.put("jti", jti);
		payload.putAll(codec.write(claims));
		return payload;
	}

}
