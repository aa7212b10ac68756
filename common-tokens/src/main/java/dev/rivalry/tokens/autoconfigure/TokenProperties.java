package dev.rivalry.tokens.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the tokens, under {@code rivalry.tokens}.
 *
 * @param names the parties' names in {@code iss} and {@code aud}
 * @param keys where this service's signing keys come from
 * @param allowedAlgorithms the JWS algorithms the verifier accepts (asymmetric only)
 * @param clockSkew how far the clocks of issuers and verifiers may disagree
 * @param lifetimes how long tokens of each kind stay valid
 * @param remote the other issuers' JWKS endpoints
 */
@ConfigurationProperties("rivalry.tokens")
@Validated
public record TokenProperties(@Valid @DefaultValue Names names, @Valid @DefaultValue Keys keys,
		@NotEmpty @DefaultValue("ES256") List<@Pattern(regexp = ALGORITHMS,
				message = "must be an asymmetric JWS algorithm: " + ALGORITHMS) String> allowedAlgorithms,
		@NotNull @DurationMin(seconds = 0) @DurationMax(minutes = 5) @DefaultValue("30s") Duration clockSkew,
		@Valid @DefaultValue Lifetimes lifetimes, @Valid @DefaultValue Remote remote) {

	static final String ALGORITHMS = "ES256|ES384|ES512|RS256|RS384|RS512|PS256|PS384|PS512|EdDSA|Ed25519";

	/**
	 * @param matchmaker the matchmaker's name
	 * @param serverlist the serverlist's name
	 */
	public record Names(@NotBlank @DefaultValue("matchmaker") String matchmaker,
			@NotBlank @DefaultValue("serverlist") String serverlist) {
	}

	/**
	 * Signing keys: a JWK set file, or PEM files, or neither (an ephemeral key is generated,
	 * with a warning: development only).
	 *
	 * @param jwkSet a JWK set of private keys; all are published, one signs
	 * @param activeKeyId the key of the JWK set that signs; the first when unset
	 * @param pem PEM private key files; the first signs, all are published
	 */
	public record Keys(@ReadableFile Path jwkSet, String activeKeyId,
			@DefaultValue List<@ReadableFile Path> pem) {

		@AssertTrue(message = "set either jwk-set or pem, not both")
		public boolean isOneSource() {
			return this.jwkSet == null || this.pem == null || this.pem.isEmpty();
		}

	}

	/**
	 * @param match of match tokens
	 * @param allocation of allocation tokens
	 * @param report of report tokens: longer than the longest match
	 * @param server of server credentials
	 */
	public record Lifetimes(@NotNull @DurationMin(seconds = 1) @DefaultValue("5m") Duration match,
			@NotNull @DurationMin(seconds = 1) @DefaultValue("5m") Duration allocation,
			@NotNull @DurationMin(seconds = 1) @DefaultValue("2h") Duration report,
			@NotNull @DurationMin(seconds = 1) @DefaultValue("30d") Duration server) {
	}

	/**
	 * @param sources each remote issuer's name (as in {@code iss}) and JWKS URL
	 * @param refetchInterval the least time between two fetches of one JWKS
	 * @param maxAge how long fetched keys are used before they are fetched again
	 * @param expireAfter how long after their fetch keys stop being trusted when no refetch
	 * succeeds (the issuer is unreachable): then tokens are refused until it is back
	 * @param timeout the bound on one fetch
	 */
	public record Remote(@DefaultValue Map<String, @NotNull URI> sources,
			@NotNull @DurationMin(seconds = 0) @DefaultValue("30s") Duration refetchInterval,
			@NotNull @DurationMin(seconds = 1) @DefaultValue("10m") Duration maxAge,
			@NotNull @DurationMin(seconds = 1) @DefaultValue("1h") Duration expireAfter,
			@NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration timeout) {

		@AssertTrue(message = "must not be shorter than max-age")
		public boolean isExpireAfterNotShorterThanMaxAge() {
			return this.expireAfter == null || this.maxAge == null || this.expireAfter.compareTo(this.maxAge) >= 0;
		}

		@AssertTrue(message = "JWKS URLs must be absolute http or https URLs")
		public boolean isHttpSources() {
			return this.sources == null || this.sources.values()
				.stream()
				.allMatch((uri) -> uri != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())));
		}

	}

}
