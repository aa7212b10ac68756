package dev.rivalry.tokens;

import reactor.core.publisher.Mono;

/** Where the verifier finds an issuer's public keys: local {@link SigningKeys} or {@link RemoteJwks}. */
@FunctionalInterface
interface KeySource {

	/**
	 * @param kid the key id from a token's header
	 * @return the lookup; never an error signal, failures are {@link KeyLookup.Unavailable}
	 */
	Mono<KeyLookup> find(String kid);

}
