package io.atoll.cell.workers.domain.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Requests and jobs as storage would answer them, for the domain's tests. */
final class Requests {
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private Requests() {
    }

    static JobRequest request(String kind, String status, Map<String, Object> spec, List<Job> jobs) {
        return new JobRequest(UUID.fromString("3f1c2a5e-8b1d-4c1e-9a55-2f5d6c7e8f90"), kind, "member-1", "subject-1", spec, status, NOW, NOW, null,
                Map.of(), jobs, List.of());
    }

    static Job job(String kind, String status, Map<String, Object> spec, Map<String, Object> result) {
        return new Job(UUID.nameUUIDFromBytes((kind + spec).getBytes()), UUID.randomUUID(), kind, status, 1, 60, spec, NOW, NOW, null,
                status.equals(Job.SUCCEEDED) ? 0 : 1, result, status.equals(Job.SUCCEEDED) ? "" : "boom\nit crashed");
    }
}
