package dev.rivalry.client;

import reactor.core.publisher.Mono;

/**
 * Where a caller's bearer token comes from: asked before every call and every
 * reconnection, so a source that renews tokens (an identity provider's SDK, a cache that
 * refreshes ahead of expiry) keeps a long stream going past a token's lifetime.
 */
@FunctionalInterface
public interface TokenSource {

	/** @return the token to send now */
	Mono<String> token();

	/** @return a source that always gives this token */
	static TokenSource of(String token) {
		Mono<String> fixed = Mono.just(token);
		return () -> fixed;
	}

}
