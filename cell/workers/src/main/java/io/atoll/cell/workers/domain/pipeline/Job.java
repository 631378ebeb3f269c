package io.atoll.cell.workers.domain.pipeline;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * One job of a request as storage keeps it.
 *
 * @param status pending, running, succeeded, failed or timed_out
 * @param attempts the attempts started so far
 * @param leaseUntil while running: until when the worker that started the attempt holds it
 * @param result the program's result of the last attempt, when it succeeded
 * @param stderr the end of what the last attempt printed on standard error
 */
public record Job(UUID id, UUID requestId, String kind, String status, int attempts, int timeoutSeconds, Map<String, Object> spec,
                  Instant startedAt, Instant finishedAt, Instant leaseUntil, Integer exitCode, Map<String, Object> result, String stderr) {
    public static final String PENDING = "pending";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String TIMED_OUT = "timed_out";
    private static final Set<String> FINAL = Set.of(SUCCEEDED, FAILED, TIMED_OUT);

    public Job {
        requireNonNull(id, "id is null");
        requireNonNull(requestId, "requestId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(status, "status is null");
        spec = JsonValues.copyOf(spec);
        result = result == null ? null : JsonValues.copyOf(result);
    }

    /** Succeeded, failed or timed out for good: no attempt follows. */
    public boolean isFinal() {
        return FINAL.contains(status);
    }

    public boolean succeeded() {
        return SUCCEEDED.equals(status);
    }

    /** Whether an attempt is running and its worker still holds it at {@code now}. */
    public boolean heldAt(Instant now) {
        return RUNNING.equals(status) && leaseUntil != null && leaseUntil.isAfter(now);
    }

    public Optional<Map<String, Object>> resultIfAny() {
        return Optional.ofNullable(result);
    }
}
