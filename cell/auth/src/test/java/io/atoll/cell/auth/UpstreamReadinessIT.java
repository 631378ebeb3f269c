package io.atoll.cell.auth;

import io.atoll.cell.auth.support.AuthCell;
import io.atoll.cell.auth.support.EchoUpstream;
import io.atoll.cell.auth.support.Http;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingress is ready while the app behind it is; alive either way. */
class UpstreamReadinessIT {
    @Test
    void anIngressWhoseAppIsDownIsAliveButNotReady() {
        try (AuthCell cell = AuthCell.start("eu-west-1", AuthCell.freePort(),
                Map.of("atoll.auth.upstream-url", "http://127.0.0.1:" + AuthCell.freePort()))) {
            assertThat(Http.get(cell.uri("/health/readiness")).statusCode()).isEqualTo(503);
            assertThat(Http.get(cell.uri("/health/liveness")).statusCode()).isEqualTo(200);
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
