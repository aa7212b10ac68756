package dev.rivalry.devidentity;

import java.time.Instant;

/**
 * A signed token and when it stops being accepted.
 *
 * @param token the compact JWS, {@code Authorization: Bearer} material
 * @param expiresAt its {@code exp}
 */
public record IssuedIdentityToken(String token, Instant expiresAt) {
}
