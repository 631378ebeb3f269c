package io.atoll.cell.workers.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.atoll.cell.workers.domain.pipeline.Job;
import io.atoll.cell.workers.domain.pipeline.JobRequest;
import io.atoll.cell.workers.domain.pipeline.JobResult;
import io.atoll.cell.workers.domain.pipeline.NotificationRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The bodies of storage's job pipeline API (the cell's pipeline contract). What storage answers is read into the
 * domain's records as they are; what the workers send has shapes of its own, written whole (an empty spec or an
 * absent exit code included) whatever the service's JSON settings leave out.
 */
@SerdeImport(JobRequest.class)
@SerdeImport(Job.class)
@SerdeImport(NotificationRecord.class)
@SerdeImport(JobResult.class)
final class StorageJson {
    private StorageJson() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PlanBody(List<PlannedJobBody> jobs) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PlannedJobBody(UUID id, String kind, int timeoutSeconds, Map<String, Object> spec) {
    }

    @Serdeable
    record AttemptBody(long leaseSeconds) {
    }

    /** {@code final} is a Java keyword, hence the rename. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record OutcomeBody(String status, @JsonProperty("final") boolean finalOutcome, @Nullable Integer exitCode,
                       @Nullable Map<String, Object> result, @Nullable String stderr) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CompletionBody(String status, Map<String, Object> summary, String headline) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NotificationAttemptBody(UUID requestId, String channel, String target, long leaseSeconds) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NotificationBody(UUID requestId, String channel, @Nullable String target, String status, int attempts, @Nullable String lastError) {
    }

    @Serdeable
    record JobList(List<Job> items) {
    }

    @Serdeable
    record JobResultList(List<JobResult> items) {
    }

    @Serdeable
    record StoredObject(String key) {
    }

    @Serdeable
    record PurgeBody(int limit) {
    }
}
