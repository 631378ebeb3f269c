package io.atoll.router.health;

import io.atoll.router.config.HealthSettings;
import io.atoll.router.domain.Cell;
import io.atoll.router.domain.CellHealth;
import io.atoll.router.domain.CellHealthBoard;
import io.atoll.router.domain.CellRegistry;
import io.atoll.router.domain.CurrentRegistry;
import io.atoll.router.domain.Readiness;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static net.logstash.logback.argument.StructuredArguments.v;

/**
 * Probes every cell's readiness endpoint at a short interval, one probe per cell at a time, and records the
 * outcome and round-trip time on the health board. Changes of a cell's readiness are logged, once each; the
 * cells' gauges follow the registry.
 */
@Singleton
public final class ReadinessProber {
    private static final Logger LOG = LoggerFactory.getLogger(ReadinessProber.class);

    private final CurrentRegistry registry;
    private final CellHealthBoard board;
    private final HealthSettings settings;
    private final HttpClient client;
    private final CellGauges gauges;
    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    ReadinessProber(CurrentRegistry registry, CellHealthBoard board, HealthSettings settings,
                    @Client(configuration = CellProbeClientConfiguration.class) HttpClient client, CellGauges gauges) {
        this.registry = registry;
        this.board = board;
        this.settings = settings;
        this.client = client;
        this.gauges = gauges;
    }

    @Scheduled(fixedDelay = "${atoll.router.health.interval}")
    void probeAll() {
        CellRegistry cells = registry.get();
        board.retainOnly(cells.cells().stream().map(Cell::id).toList());
        gauges.track(cells);
        cells.cells().forEach(this::probe);
    }

    /** Probes every cell once and waits for the answers (at most the probe timeout, and a little). */
    public void probeAllAndWait() {
        CompletableFuture<?>[] probes = registry.get().cells().stream().map(this::probe).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(probes).get(settings.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("First readiness probes did not all finish: {}", e.toString());
        }
    }

    private CompletableFuture<Void> probe(Cell cell) {
        CompletableFuture<Void> running = inFlight.get(cell.id());
        if (running != null) {
            return running;
        }
        URI target = cell.ingressUrl().resolve(settings.path());
        long start = System.nanoTime();
        CompletableFuture<Void> probe = Mono.from(client.exchange(HttpRequest.GET(target)))
                .toFuture()
                .handle((response, failure) -> {
                    CellHealth health = board.of(cell.id());
                    Optional<Readiness> change = failure == null
                            ? health.probeSucceeded(Duration.ofNanos(System.nanoTime() - start))
                            : health.probeFailed(describe(failure));
                    change.ifPresent(readiness -> logChange(cell, readiness, health));
                    return null;
                });
        inFlight.put(cell.id(), probe);
        probe.whenComplete((done, failure) -> inFlight.remove(cell.id(), probe));
        return probe;
    }

    private void logChange(Cell cell, Readiness readiness, CellHealth health) {
        if (readiness == Readiness.READY) {
            LOG.info("Cell {} is ready ({} answers in {} ms)", v("cell", cell.id()), cell.ingressUrl(),
                    Math.round(health.rttMillis().orElse(0)));
        } else {
            // One line, no stack trace: a cell that stops answering is routine for a router.
            LOG.warn("Cell {} is not ready: {} ({} failed probes in a row)", v("cell", cell.id()),
                    v("cause", health.lastProbeFailure().orElse("unknown")), settings.unhealthyThreshold());
        }
    }

    private String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null && !(failure instanceof HttpClientResponseException) ? failure.getCause() : failure;
        if (cause instanceof HttpClientResponseException response) {
            return "HTTP " + response.getStatus().getCode();
        }
        if (cause instanceof ReadTimeoutException) {
            return "no answer within " + settings.timeout().toMillis() + " ms";
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }
}
