package io.atoll.cell.contracts.servicetoken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A service's token for another service of the cell: fetched when first needed, kept until shortly before it
 * expires, and dropped when the other service refuses it (a key rotation, a revocation) so that the next request
 * fetches a new one. Concurrent requests share one fetch.
 */
public final class ServiceTokens {
    private final TokenEndpoint endpoint;
    private final Duration renewal;
    private final Clock clock;
    private Held held;

    /**
     * @param renewal how long before its expiry a token is replaced
     */
    public ServiceTokens(TokenEndpoint endpoint, Duration renewal, Clock clock) {
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.renewal = requireNonNull(renewal, "renewal is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** A token that is not about to expire; throws {@link TokenUnavailableException} when none can be had now. */
    public synchronized String current() {
        Instant now = clock.instant();
        if (held == null || !now.isBefore(held.renewAt())) {
            TokenEndpoint.IssuedToken issued = endpoint.issue();
            // A token shorter-lived than the renewal margin is still used for half its life, not fetched on every request.
            Duration margin = renewal.compareTo(issued.expiresIn().dividedBy(2)) < 0 ? renewal : issued.expiresIn().dividedBy(2);
            held = new Held(issued.value(), now.plus(issued.expiresIn()).minus(margin));
        }
        return held.value();
    }

    /** Forgets the token if it is still the one held: the other service no longer takes it. */
    public synchronized void refused(String token) {
        if (held != null && held.value().equals(token)) {
            held = null;
        }
    }

    private record Held(String value, Instant renewAt) {
    }
}
