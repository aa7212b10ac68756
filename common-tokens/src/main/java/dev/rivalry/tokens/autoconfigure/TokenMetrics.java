package dev.rivalry.tokens.autoconfigure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.rivalry.tokens.Rejected;
import dev.rivalry.tokens.TokenKind;
import dev.rivalry.tokens.VerificationListener;

/**
 * Counts verifications: {@code rivalry.tokens.verified} tagged {@code kind}, and
 * {@code rivalry.tokens.rejected} tagged {@code kind} and {@code reason}. Counters are
 * created once and kept, so counting on the hot path allocates nothing.
 */
class TokenMetrics implements VerificationListener {

	private final MeterRegistry registry;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	TokenMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void verified(TokenKind<?> kind) {
		this.counters.computeIfAbsent(kind.name(), (key) -> Counter.builder("rivalry.tokens.verified")
			.description("Tokens that verified")
			.tag("kind", kind.name())
			.register(this.registry)).increment();
	}

	@Override
	public void rejected(TokenKind<?> kind, Rejected.Reason reason) {
		this.counters.computeIfAbsent(kind.name() + "/" + reason, (key) -> Counter.builder("rivalry.tokens.rejected")
			.description("Tokens that were rejected, by reason")
			.tag("kind", kind.name())
			.tag("reason", reason.tag())
			.register(this.registry)).increment();
	}

}
