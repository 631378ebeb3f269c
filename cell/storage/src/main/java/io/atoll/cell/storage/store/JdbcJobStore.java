package io.atoll.cell.storage.store;

import io.atoll.cell.contracts.events.CellEvent;
import io.atoll.cell.storage.domain.TimeCursor;
import io.atoll.cell.storage.domain.job.Completion;
import io.atoll.cell.storage.domain.job.Job;
import io.atoll.cell.storage.domain.job.JobRequest;
import io.atoll.cell.storage.domain.job.JobRequestDetails;
import io.atoll.cell.storage.domain.job.JobRequestKind;
import io.atoll.cell.storage.domain.job.JobRequestStatus;
import io.atoll.cell.storage.domain.job.JobResult;
import io.atoll.cell.storage.domain.job.JobStatus;
import io.atoll.cell.storage.domain.job.JobStore;
import io.atoll.cell.storage.domain.job.Notification;
import io.atoll.cell.storage.domain.job.NotificationChannel;
import io.atoll.cell.storage.domain.job.NotificationStatus;
import io.atoll.cell.storage.domain.job.PlanChange;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

@Singleton
class JdbcJobStore implements JobStore {
    private static final String REQUEST_COLUMNS = """
            id, kind, member_id, subject_id, spec::text AS spec, request_fingerprint, status, created_at, updated_at, completed_at,
            summary::text AS summary, headline""";
    private static final String JOB_COLUMNS = """
            id, request_id, kind, status, attempts, timeout_seconds, spec::text AS spec, started_at, finished_at, lease_until,
            exit_code, result::text AS result, stderr, created_at, updated_at""";

    private final Sql sql;
    private final OutboxWriter outbox;
    private final JsonColumns json;

    JdbcJobStore(Sql sql, OutboxWriter outbox, JsonColumns json) {
        this.sql = requireNonNull(sql, "sql is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.json = requireNonNull(json, "json is null");
    }

    @Override
    @Transactional
    public boolean addRequest(JobRequest request, CellEvent requested) {
        // A concurrent insert of the same id makes this one wait for it to commit, then do nothing.
        int added = sql.update("""
                INSERT INTO job_requests (id, kind, member_id, subject_id, spec, request_fingerprint, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""",
                request.id(), request.kind().code(), request.memberId(), request.subjectId(), json.write(request.spec()),
                request.fingerprint(), request.status().code(), request.createdAt(), request.updatedAt());
        if (added == 0) {
            return false;
        }
        outbox.append(requested);
        return true;
    }

    @Override
    @ReadOnly
    public Optional<JobRequest> findRequest(UUID requestId) {
        return sql.one("SELECT " + REQUEST_COLUMNS + " FROM job_requests WHERE id = ?", this::request, requestId);
    }

    @Override
    @ReadOnly
    public Optional<JobRequestDetails> findDetails(UUID requestId) {
        return findRequest(requestId).map(this::details);
    }

    @Override
    @ReadOnly
    public List<JobRequest> newestRequests(Optional<JobRequestStatus> status, Optional<TimeCursor> after, int limit) {
        StringBuilder where = new StringBuilder("TRUE");
        List<Object> parameters = new ArrayList<>();
        status.ifPresent(wanted -> {
            where.append(" AND status = ?");
            parameters.add(wanted.code());
        });
        after.ifPresent(cursor -> {
            where.append(" AND (created_at, id) < (?, ?)");
            parameters.add(cursor.at());
            parameters.add(cursor.id());
        });
        parameters.add(limit);
        return sql.list("SELECT " + REQUEST_COLUMNS + " FROM job_requests WHERE " + where + " ORDER BY created_at DESC, id DESC LIMIT ?",
                this::request, parameters.toArray());
    }

    @Override
    @Transactional
    public Optional<JobRequestDetails> plan(UUID requestId, List<UUID> jobIds, BiFunction<JobRequest, List<Job>, PlanChange> plan) {
        Optional<JobRequest> locked = lockRequest(requestId);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        List<Job> known = sql.list("SELECT " + JOB_COLUMNS + " FROM jobs WHERE id = ANY (?::uuid[])", this::job,
                (Object) jobIds.stream().map(UUID::toString).toArray(String[]::new));
        PlanChange change = plan.apply(locked.get(), known);
        if (!change.request().equals(locked.get())) {
            updateRequest(change.request());
        }
        change.added().forEach(this::insertJob);
        return Optional.of(details(change.request()));
    }

    @Override
    @Transactional
    public Optional<Job> changeJob(UUID jobId, UnaryOperator<Job> change) {
        Optional<Job> locked = sql.one("SELECT " + JOB_COLUMNS + " FROM jobs WHERE id = ? FOR UPDATE", this::job, jobId);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        Job changed = change.apply(locked.get());
        if (!changed.equals(locked.get())) {
            sql.update("""
                    UPDATE jobs SET status = ?, attempts = ?, started_at = ?, finished_at = ?, lease_until = ?, exit_code = ?,
                                    result = ?::jsonb, stderr = ?, updated_at = ?
                    WHERE id = ?""",
                    changed.status().code(), changed.attempts(), changed.startedAt(), changed.finishedAt(), changed.leaseUntil(),
                    changed.exitCode(), json.write(changed.result()), changed.stderr(), changed.updatedAt(), jobId);
        }
        return Optional.of(changed);
    }

    @Override
    @ReadOnly
    public List<Job> stale(Instant now, int limit) {
        return sql.list("SELECT " + JOB_COLUMNS + " FROM jobs WHERE status = 'running' AND lease_until < ? ORDER BY lease_until LIMIT ?",
                this::job, now, limit);
    }

    @Override
    @Transactional
    public Optional<JobRequestDetails> complete(UUID requestId, Function<JobRequest, Optional<Completion>> complete) {
        Optional<JobRequest> locked = lockRequest(requestId);
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        Optional<Completion> completion = complete.apply(locked.get());
        completion.ifPresent(completed -> {
            updateRequest(completed.request());
            JobResult result = completed.result();
            sql.update("INSERT INTO job_results (id, request_id, kind, data, created_at) VALUES (?, ?, ?, ?::jsonb, ?)",
                    result.id(), result.requestId(), result.kind().code(), json.write(result.data()), result.createdAt());
            outbox.append(completed.completed());
        });
        return Optional.of(details(completion.map(Completion::request).orElse(locked.get())));
    }

    @Override
    @Transactional
    public Notification saveNotification(UUID notificationId, Function<Optional<Notification>, Notification> change) {
        Optional<Notification> current = lockNotification(notificationId);
        Notification next = change.apply(current);
        if (current.isEmpty()) {
            int added = sql.update("""
                    INSERT INTO notifications (id, request_id, channel, target, status, attempts, last_error, lease_until, created_at,
                                               updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO NOTHING""",
                    next.id(), next.requestId(), next.channel().code(), next.target(), next.status().code(), next.attempts(),
                    next.lastError(), next.leaseUntil(), next.createdAt(), next.updatedAt());
            if (added == 1) {
                return next;
            }
            // A concurrent first report committed its row first: this report applies to that row.
            current = lockNotification(notificationId);
            next = change.apply(current);
        }
        if (!next.equals(current.orElseThrow())) {
            sql.update("""
                    UPDATE notifications SET channel = ?, target = ?, status = ?, attempts = ?, last_error = ?, lease_until = ?, updated_at = ?
                    WHERE id = ?""",
                    next.channel().code(), next.target(), next.status().code(), next.attempts(), next.lastError(), next.leaseUntil(),
                    next.updatedAt(), notificationId);
        }
        return next;
    }

    @Override
    @ReadOnly
    public List<JobResult> memberResults(String memberId, Optional<JobRequestKind> kind, int limit) {
        String sqlText = """
                SELECT r.id, r.request_id, r.kind, q.subject_id, r.data::text AS data, r.created_at
                FROM job_results r JOIN job_requests q ON q.id = r.request_id
                WHERE q.member_id = ?""" + (kind.isPresent() ? " AND r.kind = ?" : "") + " ORDER BY r.created_at DESC, r.id DESC LIMIT ?";
        Object[] parameters = kind.isPresent() ? new Object[]{memberId, kind.get().code(), limit} : new Object[]{memberId, limit};
        return sql.list(sqlText, row -> new JobResult(row.getObject("id", UUID.class), row.getObject("request_id", UUID.class),
                JobRequestKind.ofCode(row.getString("kind")), row.getString("subject_id"), json.read(row, "data"),
                Sql.instant(row, "created_at")), parameters);
    }

    /**
     * Deletes the requests about {@code subjectId} with their jobs, results and notifications, in the caller's
     * transaction. The requests are locked first, so a notification or result being added to one of them meanwhile
     * makes this wait for it (and then deletes it too) rather than fail.
     */
    void deleteRequestsAbout(String subjectId) {
        sql.list("SELECT id FROM job_requests WHERE subject_id = ? FOR UPDATE", row -> row.getObject("id", UUID.class), subjectId);
        for (String table : List.of("job_results", "notifications", "jobs")) {
            sql.update("DELETE FROM " + table + " WHERE request_id IN (SELECT id FROM job_requests WHERE subject_id = ?)", subjectId);
        }
        sql.update("DELETE FROM job_requests WHERE subject_id = ?", subjectId);
    }

    private Optional<JobRequest> lockRequest(UUID requestId) {
        return sql.one("SELECT " + REQUEST_COLUMNS + " FROM job_requests WHERE id = ? FOR UPDATE", this::request, requestId);
    }

    private Optional<Notification> lockNotification(UUID notificationId) {
        return sql.one("SELECT * FROM notifications WHERE id = ? FOR UPDATE", JdbcJobStore::notification, notificationId);
    }

    private void updateRequest(JobRequest request) {
        sql.update("""
                UPDATE job_requests SET status = ?, updated_at = ?, completed_at = ?, summary = ?::jsonb, headline = ?
                WHERE id = ?""",
                request.status().code(), request.updatedAt(), request.completedAt(), json.write(request.summary()), request.headline(),
                request.id());
    }

    private void insertJob(Job job) {
        sql.update("""
                INSERT INTO jobs (id, request_id, kind, status, attempts, timeout_seconds, spec, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""",
                job.id(), job.requestId(), job.kind(), job.status().code(), job.attempts(), job.timeoutSeconds(), json.write(job.spec()),
                job.createdAt(), job.updatedAt());
    }

    private JobRequestDetails details(JobRequest request) {
        List<Job> jobs = sql.list("SELECT " + JOB_COLUMNS + " FROM jobs WHERE request_id = ? ORDER BY created_at, id", this::job,
                request.id());
        List<Notification> notifications = sql.list("SELECT * FROM notifications WHERE request_id = ? ORDER BY created_at, id",
                JdbcJobStore::notification, request.id());
        return new JobRequestDetails(request, jobs, notifications);
    }

    private JobRequest request(ResultSet row) throws SQLException {
        return new JobRequest(row.getObject("id", UUID.class), JobRequestKind.ofCode(row.getString("kind")), Sql.optional(row, "member_id"),
                row.getString("subject_id"), json.read(row, "spec"), row.getString("request_fingerprint"),
                JobRequestStatus.ofCode(row.getString("status")), Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"),
                Optional.ofNullable(Sql.instant(row, "completed_at")), json.optional(row, "summary"), Sql.optional(row, "headline"));
    }

    private Job job(ResultSet row) throws SQLException {
        return new Job(row.getObject("id", UUID.class), row.getObject("request_id", UUID.class), row.getString("kind"),
                JobStatus.ofCode(row.getString("status")), row.getInt("attempts"), row.getInt("timeout_seconds"), json.read(row, "spec"),
                Optional.ofNullable(Sql.instant(row, "started_at")), Optional.ofNullable(Sql.instant(row, "finished_at")),
                Optional.ofNullable(Sql.instant(row, "lease_until")), Optional.ofNullable(row.getObject("exit_code", Integer.class)),
                json.optional(row, "result"), Sql.optional(row, "stderr"), Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"));
    }

    private static Notification notification(ResultSet row) throws SQLException {
        return new Notification(row.getObject("id", UUID.class), row.getObject("request_id", UUID.class),
                NotificationChannel.ofCode(row.getString("channel")), row.getString("target"),
                NotificationStatus.ofCode(row.getString("status")), row.getInt("attempts"), Sql.optional(row, "last_error"),
                Optional.ofNullable(Sql.instant(row, "lease_until")), Sql.instant(row, "created_at"), Sql.instant(row, "updated_at"));
    }
}
