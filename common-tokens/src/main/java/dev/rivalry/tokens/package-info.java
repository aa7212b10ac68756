/**
 * The signed hand-off tokens of Rivalry: claim records, issuing, verifying, JWKS and key
 * rotation.
 *
 * <p>The public API is small: {@link dev.rivalry.tokens.TokenKind} names the four kinds,
 * {@link dev.rivalry.tokens.TokenIssuer} signs claims into compact JWS strings,
 * {@link dev.rivalry.tokens.TokenVerifier} checks them and answers a sealed
 * {@link dev.rivalry.tokens.VerificationResult}, {@link dev.rivalry.tokens.SigningKeys} holds
 * the keys (and their rotation) and {@link dev.rivalry.tokens.RemoteJwks} fetches another
 * issuer's public keys. No Nimbus type appears in a public signature, so the JOSE library
 * can change without touching callers.
 */
package dev.rivalry.tokens;
