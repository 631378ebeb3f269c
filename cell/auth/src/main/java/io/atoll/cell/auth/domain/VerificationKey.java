package io.atoll.cell.auth.domain;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;

import static java.util.Objects.requireNonNull;

/**
 * A public key that tokens are checked against, bound to the one issuer allowed to use it: a cell's key
 * cannot vouch for a token claiming to come from another cell.
 *
 * @param issuer the cell whose key this is
 * @param key the public key
 * @param verifier the key's signature verifier, made once
 */
public record VerificationKey(String issuer, RSAKey key, JWSVerifier verifier) {
    public VerificationKey {
        requireNonNull(issuer, "issuer is null");
        requireNonNull(key, "key is null");
        requireNonNull(verifier, "verifier is null");
    }

    public static VerificationKey of(String issuer, RSAKey key) {
        try {
            return new VerificationKey(issuer, key.toPublicJWK(), new RSASSAVerifier(key.toPublicJWK()));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a usable RSA public key: " + key.getKeyID(), e);
        }
    }

    public String kid() {
        return key.getKeyID();
    }
}
