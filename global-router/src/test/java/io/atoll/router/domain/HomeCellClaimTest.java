package io.atoll.router.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class HomeCellClaimTest {
    @Test
    void readsTheHomeCellWithoutCheckingTheSignature() {
        String token = jwt("{\"alg\":\"ES256\",\"kid\":\"k1\"}", "{\"sub\":\"m-1\",\"home_cell\":\"us-east-1\"}") + ".not-a-signature";

        assertThat(HomeCellClaim.read("Bearer " + token)).contains("us-east-1");
        assertThat(HomeCellClaim.read("bearer " + token)).contains("us-east-1");
    }

    @Test
    void namesNoCellForOtherCredentials() {
        assertThat(HomeCellClaim.read(null)).isEmpty();
        assertThat(HomeCellClaim.read("Basic dXNlcjpwYXNz")).isEmpty();
        assertThat(HomeCellClaim.read("Bearer opaque-token")).isEmpty();
        assertThat(HomeCellClaim.read("Bearer " + jwt("{\"alg\":\"ES256\"}", "{\"sub\":\"m-1\"}") + ".sig")).isEmpty();
        assertThat(HomeCellClaim.read("Bearer " + jwt("{\"alg\":\"ES256\"}", "{\"home_cell\":42}") + ".sig")).isEmpty();
    }

    private static String jwt(String header, String claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    }
}
