package dev.rivalry.matchmaker.identity;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;

/**
 * Counts players' and back ends' tokens on the meters the Rivalry tokens use
 * ({@code rivalry_tokens_verified_total} and {@code rivalry_tokens_rejected_total}, kind
 * {@code player}), with the reason a token was refused: the caller is told only that it
 * was, operators see why (a burst of {@code bad_signature} is someone forging tokens). The
 * reason is read from Spring Security's and Nimbus's messages (the whole cause chain), which
 * name the failed check but never the token. Thread safe.
 */
final class IdentityMetrics {

	private static final Logger logger = LoggerFactory.getLogger(IdentityMetrics.class);

	private static final String KIND = "player";

	private final MeterRegistry registry;

	/** Counted on every ticket call: registered once, not looked up per request. */
	private final Counter verified;

	IdentityMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.verified = registry.counter("rivalry.tokens.verified", "kind", KIND);
	}

	void verified() {
		this.verified.increment();
	}

	void rejected(AuthenticationException ex, boolean tokenPresented) {
		String reason = tokenPresented ? reasonOf(ex) : "missing";
		this.registry.counter("rivalry.tokens.rejected", "kind", KIND, "reason", reason).increment();
		logger.debug("Ticket call refused: {} ({})", reason, ex.getMessage(), ex.getCause());
	}

	/** @return the failed check, as a tag; {@code invalid} when the message names none */
	static String reasonOf(AuthenticationException ex) {
		if (ex instanceof AuthenticationServiceException) {
			return "keys_unavailable";
		}
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		String message = messages.toString().toLowerCase(Locale.ROOT);
		if (message.contains("expired")) {
			return "expired";
		}
		if (message.contains("invalid signature")) {
			return "bad_signature";
		}
		if (message.contains("no matching key") || message.contains("algorithm")) {
			return "unknown_key_or_algorithm";
		}
		if (message.contains("issuer") || message.contains("iss claim")) {
			return "wrong_issuer";
		}
		if (message.contains("aud claim")) {
			return "wrong_audience";
		}
		if (message.contains("player id")) {
			return "no_player";
		}
		if (message.contains("malformed")) {
			return "malformed";
		}
		return "invalid";
	}

}
