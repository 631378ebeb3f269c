package io.atoll.devstack.server.trino;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TrinoUptimeTest {
    @Test
    void readsAirliftsDurationsAsV1InfoGivesThem() {
        assertThat(TrinoServer.uptime("45.12s")).isEqualTo(Duration.ofMillis(45_120));
        assertThat(TrinoServer.uptime("5.00m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(TrinoServer.uptime("1.50h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(TrinoServer.uptime("2.00d")).isEqualTo(Duration.ofDays(2));
        assertThat(TrinoServer.uptime("850.00ms")).isEqualTo(Duration.ofMillis(850));
    }

    @Test
    void anythingElseIsNoUptimeSoThatOnlyAQueryCanShowTrinoReady() {
        assertThat(TrinoServer.uptime("")).isZero();
        assertThat(TrinoServer.uptime("soon")).isZero();
        assertThat(TrinoServer.uptime("5 minutes")).isZero();
    }
}
