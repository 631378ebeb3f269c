package io.atoll.dataaccess.domain.console;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleSessionsTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T09:00:00Z"));
    private final ConsoleSessions sessions = new ConsoleSessions(clock, ConsoleSessions.IDLE);

    @Test
    void aSessionIsFoundByItsIdWithTheCredentialsItWasOpenedWith() {
        ConsoleSession opened = sessions.open("eu-west-1", "ann", "secret-1", Optional.of("logistics"));

        ConsoleSession found = sessions.find(opened.id()).orElseThrow();

        assertThat(found.cell()).isEqualTo("eu-west-1");
        assertThat(found.login()).isEqualTo("ann");
        assertThat(found.password()).isEqualTo("secret-1");
        assertThat(found.team()).hasValue("logistics");
        assertThat(found.csrfToken()).isEqualTo(opened.csrfToken()).isNotEqualTo(opened.id());
        assertThat(found.toString()).doesNotContain("secret-1");
    }

    @Test
    void idsAndTokensAreRandomAndLong() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            ConsoleSession session = sessions.open("eu-west-1", "ann", "secret", Optional.empty());
            assertThat(session.id()).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(seen.add(session.id())).isTrue();
            assertThat(seen.add(session.csrfToken())).isTrue();
        }
    }

    @Test
    void aSessionExpiresAfterThirtyMinutesWithoutARequestAndEachRequestPutsThatOff() {
        ConsoleSession opened = sessions.open("eu-west-1", "ann", "secret", Optional.of("sales"));

        clock.move(Duration.ofMinutes(29));
        assertThat(sessions.find(opened.id())).isPresent();
        clock.move(Duration.ofMinutes(29));
        assertThat(sessions.find(opened.id())).as("seen 29 minutes ago").isPresent();
        clock.move(Duration.ofMinutes(30));

        assertThat(sessions.find(opened.id())).isEmpty();
        assertThat(sessions.size()).isZero();
    }

    @Test
    void signingOutForgetsTheCredentialsAtOnce() {
        ConsoleSession kept = sessions.open("eu-west-1", "ann", "secret", Optional.of("sales"));
        ConsoleSession closed = sessions.open("eu-west-1", "bob", "secret", Optional.of("sales"));

        sessions.close(closed.id());

        assertThat(sessions.find(closed.id())).isEmpty();
        assertThat(sessions.find(kept.id())).isPresent();
        assertThat(sessions.size()).isEqualTo(1);
    }

    @Test
    void noIdFindsNothing() {
        sessions.open("eu-west-1", "ann", "secret", Optional.empty());

        assertThat(sessions.find(null)).isEmpty();
        assertThat(sessions.find("")).isEmpty();
        assertThat(sessions.find("guessed")).isEmpty();
    }

    @Test
    void aFormTokenMatchesOnlyTheSameToken() {
        assertThat(ConsoleSessions.tokenMatches("abc", "abc")).isTrue();
        assertThat(ConsoleSessions.tokenMatches("abc", "abd")).isFalse();
        assertThat(ConsoleSessions.tokenMatches("abc", "")).isFalse();
        assertThat(ConsoleSessions.tokenMatches("abc", null)).isFalse();
        assertThat(ConsoleSessions.tokenMatches(null, null)).isFalse();
    }

    @Test
    void theIdleTimeIsPositive() {
        assertThatThrownBy(() -> new ConsoleSessions(clock, Duration.ZERO)).hasMessageContaining("idle must be positive");
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
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
