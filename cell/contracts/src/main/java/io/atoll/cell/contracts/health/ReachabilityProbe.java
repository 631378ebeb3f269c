package io.atoll.cell.contracts.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Whether another of the cell's services answers at all, for a health indicator. Any HTTP answer counts, since the
 * probe carries no token; the last result is reused for a few seconds, since health is asked often and a probe of a
 * service that is away takes its whole timeout.
 */
public final class ReachabilityProbe {
    private static final Duration REUSE = Duration.ofSeconds(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final URI target;
    private final Clock clock;
    private final HttpClient http;
    private Reachability last;

    /**
     * @param target a cheap GET of the service, answered (with anything) whenever the service is up
     */
    public ReachabilityProbe(URI target, Clock clock) {
        this.target = requireNonNull(target, "target is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    public synchronized Reachability check() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.checkedAt().plus(REUSE))) {
            last = probe(now);
        }
        return last;
    }

    private Reachability probe(Instant now) {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(TIMEOUT).GET().build();
        try {
            http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Reachability(now, Optional.empty());
        } catch (IOException unreachable) {
            return new Reachability(now, Optional.of(unreachable.toString()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Reachability(now, Optional.of("interrupted"));
        }
    }

    /**
     * @param checkedAt when the service was last asked
     * @param problem why it did not answer, when it did not
     */
    public record Reachability(Instant checkedAt, Optional<String> problem) {
        public boolean reachable() {
            return problem.isEmpty();
        }
    }
}
