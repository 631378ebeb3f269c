package io.atoll.cell.contracts.servicetoken;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceTokensTest {
    private static final Duration RENEWAL = Duration.ofSeconds(60);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-21T12:00:00Z"));
    private final CountingEndpoint endpoint = new CountingEndpoint(Duration.ofMinutes(10));
    private final ServiceTokens tokens = new ServiceTokens(endpoint, RENEWAL, clock);

    @Test
    void aTokenIsFetchedOnceAndKeptUntilTheRenewalMarginBeforeItExpires() {
        String first = tokens.current();
        clock.advance(Duration.ofMinutes(9).minusMillis(1));

        assertThat(tokens.current()).isEqualTo(first);
        assertThat(endpoint.issued).hasValue(1);

        clock.advance(Duration.ofMillis(1));

        assertThat(tokens.current()).isNotEqualTo(first);
        assertThat(endpoint.issued).hasValue(2);
    }

    @Test
    void aRefusedTokenIsReplacedOnTheNextRequest() {
        String first = tokens.current();

        tokens.refused(first);

        assertThat(tokens.current()).isNotEqualTo(first);
        assertThat(endpoint.issued).hasValue(2);
    }

    @Test
    void aRefusalOfAnOlderTokenKeepsTheNewOne() {
        String first = tokens.current();
        tokens.refused(first);
        String second = tokens.current();

        tokens.refused(first);

        assertThat(tokens.current()).isEqualTo(second);
        assertThat(endpoint.issued).hasValue(2);
    }

    @Test
    void aTokenShorterLivedThanTheMarginIsKeptForHalfItsLife() {
        CountingEndpoint shortLived = new CountingEndpoint(Duration.ofSeconds(30));
        ServiceTokens shortTokens = new ServiceTokens(shortLived, RENEWAL, clock);

        String first = shortTokens.current();
        clock.advance(Duration.ofSeconds(14));
        assertThat(shortTokens.current()).isEqualTo(first);
        clock.advance(Duration.ofSeconds(1));
        assertThat(shortTokens.current()).isNotEqualTo(first);
    }

    private static final class CountingEndpoint implements TokenEndpoint {
        final AtomicInteger issued = new AtomicInteger();
        private final Duration lifetime;

        CountingEndpoint(Duration lifetime) {
            this.lifetime = lifetime;
        }

        @Override
        public IssuedToken issue() {
            return new IssuedToken("token-" + issued.incrementAndGet(), lifetime);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
