package io.atoll.cell.storage.domain.upload;

import io.atoll.cell.contracts.events.CellEvent;

import java.util.Optional;
import java.util.UUID;

/** Uploads' rows in the database. */
public interface UploadStore {
    /** Adds the upload with its event, together. */
    void add(Upload upload, CellEvent stored);

    /** The upload with whatever results the pipeline has saved for it. */
    Optional<Upload> find(UUID uploadId);
}
