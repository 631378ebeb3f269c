package io.atoll.cell.auth;

import io.atoll.cell.auth.support.AuthCell;
import io.atoll.cell.auth.support.EchoUpstream;
import io.atoll.cell.auth.support.Http;
import io.atoll.cell.auth.support.Members;
import io.atoll.cell.auth.support.RawConnection;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingress is ready while the app behind it is; alive either way; a call it cannot forward gets a 502. */
class UpstreamReadinessIT {
    @Test
    void anIngressWhoseAppIsDownIsAliveButNotReadyAndAnswersCalls503() {
        try (AuthCell cell = AuthCell.start("eu-west-1", AuthCell.freePort(),
                Map.of("atoll.auth.upstream-url", "http://127.0.0.1:" + AuthCell.freePort()))) {
            assertThat(Http.get(cell.uri("/health/readiness")).statusCode()).isEqualTo(503);
            assertThat(Http.get(cell.uri("/health/liveness")).statusCode()).isEqualTo(200);

            String bearer = "Bearer " + Members.signUpAndIn(cell, "stranded@example.com").get("access_token");
            double before = cell.count("atoll.auth.ingress.upstream.failures");
            try (RawConnection connection = RawConnection.open(cell.uri("/"))) {
                // The first call verifies the token, the second finds it in memory: neither reaches an app, so both may be retried.
                for (int call = 0; call < 2; call++) {
                    connection.send("GET /v1/feed HTTP/1.1\r\nHost: cell\r\nAuthorization: " + bearer + "\r\n\r\n");
                    RawConnection.Response response = connection.read();
                    assertThat(response.status()).isEqualTo(503);
                    assertThat(response.headers()).containsEntry("retry-after", "1");
                    assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
                    assertThat(response.body()).contains("\"status\":503").contains("the request was not sent");
                }
            }
            assertThat(cell.count("atoll.auth.ingress.upstream.failures")).isEqualTo(before + 2);
        }
    }

    @Test
    void anIngressWhoseAppAnswersIsReady() {
        try (EchoUpstream app = new EchoUpstream();
             AuthCell cell = AuthCell.start("eu-west-1", AuthCell.freePort(), Map.of("atoll.auth.upstream-url", app.url().toString()))) {
            assertThat(Http.get(cell.uri("/health/readiness")).statusCode()).isEqualTo(200);
        }
    }
}
