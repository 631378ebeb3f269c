package io.atoll.cell.storage.domain.upload;

import io.atoll.cell.contracts.events.CellEvent;
import io.atoll.cell.storage.domain.job.JobRequest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Uploads' rows in the database. */
public interface UploadStore {
    /** Adds the upload with its event, and the request to process it with that request's event, all together. */
    void add(Upload upload, CellEvent stored, JobRequest processing, CellEvent requested);

    /** The upload with whatever results the pipeline has saved for it. */
    Optional<Upload> find(UUID uploadId);

    /** Uploads whose retention ended at or before {@code now}, the longest expired first (without their results). */
    List<Upload> expired(Instant now, int limit);

    /**
     * Deletes the upload's row and its job requests (those whose subject it is) with their jobs, results and
     * notifications, together; deleting what is gone already is no error.
     */
    void deleteWithJobs(UUID uploadId);
}
