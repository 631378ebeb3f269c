package io.atoll.cell.workers.bench;

import io.atoll.cell.workers.support.PipelineUnderTest;
import io.atoll.cell.workers.support.StorageApi;
import io.micronaut.runtime.server.EmbeddedServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * Job requests completed per second by the whole pipeline (storage's outbox, the broker, planner, executor,
 * completion) when the job does nothing, in two runs of the same requests: with the real no-op program (a JVM of its
 * own per job, as every job runs) and with a program that is only a process start ({@code sh} reading the spec and
 * printing {@code {}}), which leaves the pipeline's own cost. The requests are made as fast as storage takes them;
 * the rate is from the first request made to the last one complete. The workers run with their configured prefetch
 * (two jobs at once). Run through {@code cell/workers/bench/run-noop-benchmark.sh}.
 */
public final class NoopThroughputBenchmark {
    private static final Duration DEADLINE = Duration.ofMinutes(10);

    public static void main(String[] args) {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        try (PipelineUnderTest pipeline = PipelineUnderTest.start("workers_noop_bench")) {
            System.out.printf(Locale.ROOT, "%-34s %9s %10s %12s%n", "job program", "requests", "seconds", "requests/s");
            run(pipeline, "process start only (sh)", requests, Map.of("atoll.workers.jobs.command", List.of("sh", "-c", "cat >/dev/null; echo '{}'")));
            run(pipeline, "the no-op job's JVM", requests / 4, Map.of());
        }
    }

    private static void run(PipelineUnderTest pipeline, String name, int count, Map<String, Object> overrides) {
        StorageApi storage = pipeline.api();
        Map<String, Object> settings = new HashMap<>(overrides);
        try (EmbeddedServer ignored = pipeline.startWorkers(false, settings)) {
            complete(storage, 5);
            long start = System.nanoTime();
            complete(storage, count);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%-34s %9d %10.1f %12.1f%n", name, count, seconds, count / seconds);
        }
    }

    private static void complete(StorageApi storage, int count) {
        List<UUID> requests = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            requests.add(storage.createRequest("noop", "bench-" + UUID.randomUUID(), Map.of()));
        }
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        for (UUID request : requests) {
            while (!"succeeded".equals(storage.request(request).get("status"))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("request " + request + " did not succeed within " + DEADLINE);
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }
    }
}
