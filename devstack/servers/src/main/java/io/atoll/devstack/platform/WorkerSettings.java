package io.atoll.devstack.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * What every cell's workers are told beyond where their cell's services and servers are.
 *
 * @param notifications the channels they report completed job requests on
 * @param retryDelays how long a failed job, notification or message waits before each retry (the n-th failure the
 *     n-th delay, the last one after that); empty for the workers' own (1 s, 10 s, 60 s)
 */
public record WorkerSettings(WorkerNotifications notifications, List<Duration> retryDelays) {
    /** What `./atoll up` gives them: no notification channel and their own retry delays. */
    public static final WorkerSettings LOCAL = new WorkerSettings(WorkerNotifications.NONE, List.of());

    public WorkerSettings {
        requireNonNull(notifications, "notifications is null");
        retryDelays = List.copyOf(requireNonNull(retryDelays, "retryDelays is null"));
        for (Duration delay : retryDelays) {
            if (delay.isNegative() || delay.isZero() || delay.getNano() % 1_000_000 != 0) {
                throw new IllegalArgumentException("a retry delay must be a positive number of milliseconds, not " + delay);
            }
        }
    }

    /** The workers' environment variables for these settings, which Micronaut maps onto their properties. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>(notifications.environment());
        if (!retryDelays.isEmpty()) {
            // Micronaut reads a comma-separated value as a list, and "250ms" as a duration.
            environment.put("ATOLL_WORKERS_MESSAGING_RETRY_DELAYS",
                    retryDelays.stream().map(delay -> delay.toMillis() + "ms").collect(Collectors.joining(",")));
        }
        return environment;
    }
}
