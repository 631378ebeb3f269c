package io.atoll.cell.auth;

import io.atoll.cell.auth.domain.PeerKeySets;
import io.atoll.cell.auth.support.AuthCell;
import io.atoll.cell.auth.support.Http;
import io.atoll.cell.auth.support.Members;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cells of a platform start side by side, so a cell often starts before its peers answer. It keeps asking
 * for their keys until it has them, without waiting for a token to need them: when a peer later dies, its
 * members' tokens arrive here with no one left to ask.
 */
class PeerKeysIT {
    @Test
    void aPeerThatStartsLaterHasItsTokensAcceptedAfterItDies() {
        int americaPort = AuthCell.freePort();
        try (AuthCell europe = AuthCell.start("eu-west-1", AuthCell.freePort(), Map.of(
                "atoll.auth.peer-jwks-urls", List.of("http://127.0.0.1:" + americaPort + "/.well-known/jwks.json"),
                "atoll.auth.peer-jwks-retry-interval", "500ms",
                "atoll.auth.peer-jwks-min-refetch-interval", "1h"))) {
            String token;
            try (AuthCell america = AuthCell.start("us-east-1", americaPort, Map.of())) {
                token = (String) Members.signUpAndIn(america, "later@example.com").get("access_token");
                await().atMost(Duration.ofSeconds(10)).until(() -> europe.bean(PeerKeySets.class).heardFromEveryPeer());
            }

            HttpResponse<String> check = Http.get(europe.uri("/auth/check"), "X-Forwarded-Method", "GET",
                    "X-Forwarded-Uri", "/v1/feed", "Authorization", "Bearer " + token);

            assertThat(check.statusCode()).isEqualTo(200);
            assertThat(check.headers().firstValue("X-Auth-Home-Cell")).hasValue("us-east-1");
        }
    }
}
