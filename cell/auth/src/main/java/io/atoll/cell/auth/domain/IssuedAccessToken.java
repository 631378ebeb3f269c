package io.atoll.cell.auth.domain;

import java.time.Instant;

/**
 * A signed access token and the facts about it the issuer keeps.
 *
 * @param token the compact JWT
 * @param jti its id
 * @param expiresAt its expiry
 */
public record IssuedAccessToken(String token, String jti, Instant expiresAt) {
}
