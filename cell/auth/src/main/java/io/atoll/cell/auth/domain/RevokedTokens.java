package io.atoll.cell.auth.domain;

/** The ids of access tokens revoked before their expiry. */
public interface RevokedTokens {
    boolean isRevoked(String jti);
}
