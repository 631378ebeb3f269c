package io.atoll.cell.storage.api.job;

import io.atoll.cell.storage.domain.job.JobResult;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The results of a member's completed requests, newest first. */
@Serdeable
public record JobResultList(List<Item> items) {
    /**
     * One request's result.
     *
     * @param subjectId what the request worked on (an upload's id)
     * @param data the request's summary
     */
    @Serdeable
    public record Item(UUID requestId, String subjectId, Map<String, Object> data, Instant createdAt) {
        static Item of(JobResult result) {
            return new Item(result.requestId(), result.subjectId(), result.data(), result.createdAt());
        }
    }

    static JobResultList of(List<JobResult> results) {
        return new JobResultList(results.stream().map(Item::of).toList());
    }
}
