package io.atoll.cell.storage.store;

import io.atoll.cell.contracts.events.CellEvent;
import io.atoll.cell.storage.domain.job.JobRequest;
import io.atoll.cell.storage.domain.upload.Upload;
import io.atoll.cell.storage.domain.upload.UploadResult;
import io.atoll.cell.storage.domain.upload.UploadStore;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

@Singleton
class JdbcUploadStore implements UploadStore {
    private final Sql sql;
    private final OutboxWriter outbox;
    private final JsonColumns json;
    private final JdbcJobStore jobs;

    JdbcUploadStore(Sql sql, OutboxWriter outbox, JsonColumns json, JdbcJobStore jobs) {
        this.sql = requireNonNull(sql, "sql is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.json = requireNonNull(json, "json is null");
        this.jobs = requireNonNull(jobs, "jobs is null");
    }

    @Override
    @Transactional
    public void add(Upload upload, CellEvent stored, JobRequest processing, CellEvent requested) {
        sql.update("""
                INSERT INTO uploads (id, member_id, object_key, content_type, size_bytes, sha256, status, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, 'stored', ?, ?)""",
                upload.id(), upload.memberId(), upload.objectKey(), upload.contentType(), upload.sizeBytes(), upload.sha256(),
                upload.createdAt(), upload.expiresAt());
        outbox.append(stored);
        if (!jobs.addRequest(processing, requested)) {
            throw new IllegalStateException("job request " + processing.id() + " exists already");
        }
    }

    @Override
    @ReadOnly
    public Optional<Upload> find(UUID uploadId) {
        return sql.one("SELECT * FROM uploads WHERE id = ? AND status = 'stored'", JdbcUploadStore::upload, uploadId)
                .map(upload -> new Upload(upload.id(), upload.memberId(), upload.objectKey(), upload.contentType(), upload.sizeBytes(),
                        upload.sha256(), upload.createdAt(), upload.expiresAt(), results(uploadId)));
    }

    @Override
    @ReadOnly
    public List<Upload> expired(Instant now, int limit) {
        return sql.list("SELECT * FROM uploads WHERE status = 'stored' AND expires_at <= ? ORDER BY expires_at, id LIMIT ?",
                JdbcUploadStore::upload, now, limit);
    }

    @Override
    @Transactional
    public void deleteWithJobs(UUID uploadId) {
        jobs.deleteRequestsAbout(uploadId.toString());
        sql.update("DELETE FROM uploads WHERE id = ?", uploadId);
    }

    /** What the pipeline's requests about this upload have produced. */
    private List<UploadResult> results(UUID uploadId) {
        return sql.list("""
                SELECT r.kind, r.created_at, r.data::text AS data FROM job_results r JOIN job_requests q ON q.id = r.request_id
                WHERE q.subject_id = ? ORDER BY r.created_at""",
                row -> new UploadResult(row.getString("kind"), Sql.instant(row, "created_at"), json.read(row, "data")),
                uploadId.toString());
    }

    /** The upload's own row, without its results. */
    private static Upload upload(ResultSet row) throws SQLException {
        return new Upload(row.getObject("id", UUID.class), row.getString("member_id"), row.getString("object_key"),
                row.getString("content_type"), row.getLong("size_bytes"), row.getString("sha256"), Sql.instant(row, "created_at"),
                Sql.instant(row, "expires_at"), List.of());
    }
}
