package io.atoll.dataaccess.domain.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * The console's signed-in people, in memory only (a restart signs everyone out), each under a random id, forgotten
 * after {@code idle} without a request or when they sign out.
 */
public final class ConsoleSessions {
    /** How long a session lasts without a request. */
    public static final Duration IDLE = Duration.ofMinutes(30);

    private final Clock clock;
    private final Duration idle;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();

    public ConsoleSessions(Clock clock, Duration idle) {
        this.clock = requireNonNull(clock, "clock is null");
        this.idle = requireNonNull(idle, "idle is null");
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("idle must be positive, not " + idle);
        }
    }

    /** Signs a person in whose credentials the cell's database has just accepted. */
    public ConsoleSession open(String cell, String login, String password, Optional<String> team) {
        forgetExpired();
        ConsoleSession session = new ConsoleSession(randomToken(), cell, login, password, team, randomToken(), clock.instant());
        sessions.put(session.id(), session);
        return session;
    }

    /** The session of this id, if it has not expired; finding it counts as a request. */
    public Optional<ConsoleSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        ConsoleSession found = sessions.computeIfPresent(id, (key, session) -> expired(session, now) ? null : session.seenAt(now));
        return Optional.ofNullable(found);
    }

    /** Signs out: the credentials are forgotten at once. */
    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    public int size() {
        forgetExpired();
        return sessions.size();
    }

    /** A new random token: 256 bits, URL-safe, for session ids and forms' tokens alike. */
    public String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a form's token is the expected one, compared in constant time. */
    public static boolean tokenMatches(String expected, String given) {
        return expected != null && given != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> expired(session, now));
    }

    private boolean expired(ConsoleSession session, Instant now) {
        return !session.lastSeen().plus(idle).isAfter(now);
    }
}
