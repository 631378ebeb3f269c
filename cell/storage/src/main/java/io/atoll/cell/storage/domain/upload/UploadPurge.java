package io.atoll.cell.storage.domain.upload;

import io.atoll.cell.storage.domain.job.ProcessedMessageService;

import java.time.Clock;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Removes uploads past their retention: first their objects (the photo and everything derived from it), then their
 * rows with the job requests about them. A purge that stops between the two leaves rows whose objects are gone,
 * and the next purge finds those rows again and finishes, so running it again is always safe. It also forgets the
 * workers' processed-message records that are past theirs.
 */
public final class UploadPurge {
    /**
     * Processed-message records forgotten per purged upload allowed: each is one small row, so this keeps a call
     * about as short as its uploads' object deletions.
     */
    private static final int MESSAGES_PER_UPLOAD = 100;

    private final UploadStore uploads;
    private final ObjectStore objects;
    private final ProcessedMessageService processedMessages;
    private final Clock clock;

    public UploadPurge(UploadStore uploads, ObjectStore objects, ProcessedMessageService processedMessages, Clock clock) {
        this.uploads = requireNonNull(uploads, "uploads is null");
        this.objects = requireNonNull(objects, "objects is null");
        this.processedMessages = requireNonNull(processedMessages, "processedMessages is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Purges at most {@code limit} expired uploads, the longest expired first. */
    public PurgeOutcome purgeExpired(int limit) {
        List<Upload> expired = uploads.expired(clock.instant(), limit + 1);
        List<Upload> batch = expired.subList(0, Math.min(limit, expired.size()));
        for (Upload upload : batch) {
            objects.deleteByPrefix(upload.derivedPrefix());
            objects.delete(upload.objectKey());
            uploads.deleteWithJobs(upload.id());
        }
        boolean moreMessages = processedMessages.forgetExpired(limit * MESSAGES_PER_UPLOAD);
        return new PurgeOutcome(batch.size(), expired.size() > limit || moreMessages);
    }
}
