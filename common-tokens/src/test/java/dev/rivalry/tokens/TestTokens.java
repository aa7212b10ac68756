package dev.rivalry.tokens;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import reactor.core.publisher.Mono;

/**
 * A key, an issuer and a verifier on a fixed clock, sample claims of every kind, and a
 * forge for tokens no issuer would make (test code may use Nimbus directly).
 */
final class TestTokens {

	static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static final List<Participant> PARTICIPANTS = List.of(new Participant("alice", 0), new Participant("bob", 1));

	static final Map<String, Object> CONFIG = Map.of("mode", "ranked", "map", "harbour", "rounds", 3);

	final ECKey key = newKey("key-a");

	final SigningKeys keys = SigningKeys.fromJwkSetJson(new JWKSet(this.key).toString(false), null);

	final TokenIssuer issuer = issuerAt(CLOCK);

	final TokenVerifier verifier = TokenVerifier.builder().localKeys(this.keys).clock(CLOCK).build();

	static MatchClaims match() {
		return new MatchClaims("alice", "m-1", "ranked-duel", CONFIG, PARTICIPANTS, "rivalry");
	}

	static AllocationClaims allocation() {
		return AllocationClaims.of(match(), "server-7", "10.0.0.7:7777");
	}

	static ReportClaims report() {
		return ReportClaims.of(match(), "server-7");
	}

	static ServerClaims server() {
		return new ServerClaims("server-7", "eu-fleet");
	}

	static ECKey newKey(String kid) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static <C> VerificationResult<C> await(Mono<VerificationResult<C>> result) {
		return result.block(Duration.ofSeconds(10));
	}

	TokenIssuer issuerAt(Clock clock) {
		return new TokenIssuer(this.keys, PartyNames.defaults(), TokenLifetimes.defaults(), clock);
	}

	/** A valid match token's payload, to be changed and signed by {@link #sign}. */
	Map<String, Object> matchPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("iss", "matchmaker");
		payload.put("sub", "alice");
		payload.put("aud", "serverlist");
		payload.put("iat", NOW.getEpochSecond());
		payload.put("exp", NOW.plusSeconds(300).getEpochSecond());
		payload.put("jti", "jti-1");
		payload.putAll(ClaimCodecs.MATCH.write(match()));
		return payload;
	}

	/** Signs a payload as a match token with this fixture's key. */
	String sign(Map<String, Object> payload) {
		return sign(header(JWSAlgorithm.ES256, this.key.getKeyID(), TokenKind.MATCH.type()), payload, signer(this.key));
	}

	static JWSHeader header(JWSAlgorithm algorithm, String kid, String typ) {
		JWSHeader.Builder header = new JWSHeader.Builder(algorithm).keyID(kid);
		return (typ != null) ? header.type(new JOSEObjectType(typ)).build() : header.build();
	}

	static String sign(JWSHeader header, Map<String, Object> payload, JWSSigner signer) {
		JWSObject jws = new JWSObject(header, new Payload(payload));
		try {
			jws.sign(signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jws.serialize();
	}

	static JWSSigner signer(ECKey key) {
		try {
			return new ECDSASigner(key);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, Object> payloadOf(String compact) {
		try {
			return JSONObjectUtils.parse(new Base64URL(compact.split("\\.")[1]).decodeToString());
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String base64(String json) {
		return Base64URL.encode(json).toString();
	}

}
