package io.atoll.cell.auth.domain;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.security.SecureRandom;
import java.text.ParseException;
import java.util.HexFormat;

import static java.util.Objects.requireNonNull;

/**
 * The private key a cell signs its access tokens with: RS256, RSA 2048. RSA rather than ECDSA because a
 * token is verified far more often than it is signed, and on the JDK an RSA verification costs a fraction
 * of an ECDSA one (measured in docs/benchmarks.md).
 */
public final class SigningKey {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int KEY_BITS = 2048;

    private final RSAKey key;
    private final JWSSigner signer;

    public SigningKey(RSAKey key) {
        this.key = requireNonNull(key, "key is null");
        if (!key.isPrivate() || key.getKeyID() == null) {
            throw new IllegalArgumentException("a signing key needs its private part and a kid");
        }
        try {
            this.signer = new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a usable RSA private key: " + key.getKeyID(), e);
        }
    }

    /** A new key whose kid names the cell, so that an operator reading a token knows where it came from. */
    public static SigningKey generate(String cellId) {
        byte[] suffix = new byte[6];
        RANDOM.nextBytes(suffix);
        try {
            return new SigningKey(new RSAKeyGenerator(KEY_BITS)
                    .keyID(cellId + "-" + HexFormat.of().formatHex(suffix))
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("the JDK cannot make RSA keys", e);
        }
    }

    public String kid() {
        return key.getKeyID();
    }

    public JWSSigner signer() {
        return signer;
    }

    public RSAKey publicKey() {
        return key.toPublicJWK();
    }

    /** The key with its private part, as stored. */
    public String toPrivateJson() {
        return key.toJSONString();
    }

    public static SigningKey fromPrivateJson(String json) {
        try {
            return new SigningKey(RSAKey.parse(json));
        } catch (ParseException e) {
            throw new IllegalArgumentException("stored signing key is not an RSA JWK", e);
        }
    }
}
