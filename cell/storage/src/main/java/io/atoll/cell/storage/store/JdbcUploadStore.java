package io.atoll.cell.storage.store;

import io.atoll.cell.contracts.events.CellEvent;
import io.atoll.cell.storage.domain.upload.Upload;
import io.atoll.cell.storage.domain.upload.UploadResult;
import io.atoll.cell.storage.domain.upload.UploadStore;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

@Singleton
class JdbcUploadStore implements UploadStore {
    private static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);

    private final Sql sql;
    private final OutboxWriter outbox;
    private final ObjectMapper json;

    JdbcUploadStore(Sql sql, OutboxWriter outbox, ObjectMapper json) {
        this.sql = requireNonNull(sql, "sql is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.json = requireNonNull(json, "json is null");
    }

    @Override
    @Transactional
    public void add(Upload upload, CellEvent stored) {
        sql.update("""
                INSERT INTO uploads (id, member_id, object_key, content_type, size_bytes, sha256, status, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, 'stored', ?, ?)""",
                upload.id(), upload.memberId(), upload.objectKey(), upload.contentType(), upload.sizeBytes(), upload.sha256(),
                upload.createdAt(), upload.expiresAt());
        outbox.append(stored);
    }

    @Override
    @ReadOnly
    public Optional<Upload> find(UUID uploadId) {
        return sql.one("SELECT * FROM uploads WHERE id = ? AND status = 'stored'", row -> new Upload(row.getObject("id", UUID.class),
                        row.getString("member_id"), row.getString("object_key"), row.getString("content_type"), row.getLong("size_bytes"),
                        row.getString("sha256"), Sql.instant(row, "created_at"), Sql.instant(row, "expires_at"), List.of()), uploadId)
                .map(upload -> new Upload(upload.id(), upload.memberId(), upload.objectKey(), upload.contentType(), upload.sizeBytes(),
                        upload.sha256(), upload.createdAt(), upload.expiresAt(), results(uploadId)));
    }

    /** What the pipeline's requests about this upload have produced. */
    private List<UploadResult> results(UUID uploadId) {
        return sql.list("""
                SELECT r.kind, r.created_at, r.data::text AS data FROM job_results r JOIN job_requests q ON q.id = r.request_id
                WHERE q.subject_id = ? ORDER BY r.created_at""",
                row -> new UploadResult(row.getString("kind"), Sql.instant(row, "created_at"), parse(row.getString("data"))),
                uploadId.toString());
    }

    private Map<String, Object> parse(String data) {
        try {
            return json.readValue(data, JSON_OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException("a job result is not a JSON object", e);
        }
    }
}
