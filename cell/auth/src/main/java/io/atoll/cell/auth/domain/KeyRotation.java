package io.atoll.cell.auth.domain;

/**
 * What a rotation did.
 *
 * @param active the key that signs from now on (the former next key, already published)
 * @param next the new next key
 * @param retired the key that signed until now, published until its tokens have expired
 */
public record KeyRotation(StoredSigningKey active, StoredSigningKey next, StoredSigningKey retired) {
}
