package io.atoll.cell.workers.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.atoll.cell.workers.cleanup.ArchiveBusyException;
import io.atoll.cell.workers.cleanup.ArchiveLease;
import io.atoll.cell.workers.cleanup.ArchiveLeaseLostException;
import io.atoll.cell.workers.cleanup.ArchiveLedger;
import io.atoll.cell.workers.cleanup.DayCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The archive's checkpoints and lease, in two small tables of the app's keyspace, beside the check-ins they
 * are about (so they fail over with them). The lease is a lightweight transaction on one row per cell that
 * expires by TTL; the checkpoints are one row per cell and day. The cleanup creates both tables when they are
 * missing: they are its own, and the app never reads them.
 */
public final class CassandraArchiveLedger implements ArchiveLedger {
    private static final Logger LOG = LoggerFactory.getLogger(CassandraArchiveLedger.class);
    /** Schema changes wait for every node to apply them; on a busy node that takes seconds. */
    private static final Duration SCHEMA_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final List<String> SCHEMA = List.of(
            """
            CREATE TABLE IF NOT EXISTS checkin_archive_days (
                cell text,
                day date,
                state text,
                rows bigint,
                sha256 text,
                location text,
                updated_at timestamp,
                PRIMARY KEY ((cell), day)
            )""",
            """
            CREATE TABLE IF NOT EXISTS checkin_archive_leases (
                cell text PRIMARY KEY,
                holder text,
                acquired_at timestamp,
                renewed_at timestamp
            )""");

    private final CheckinKeyspace keyspace;
    private final Clock clock;
    private Statements statements;

    public CassandraArchiveLedger(CheckinKeyspace keyspace, Clock clock) {
        this.keyspace = requireNonNull(keyspace, "keyspace is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public Optional<DayCheckpoint> checkpoint(String cell, LocalDate day) {
        Row row = keyspace.session().execute(statements().selectDay.bind(cell, day)).one();
        return Optional.ofNullable(row).map(found -> new DayCheckpoint(cell, day, DayCheckpoint.State.valueOf(found.getString("state")),
                found.getLong("rows"), found.getString("sha256"), found.getString("location"), found.getInstant("updated_at")));
    }

    @Override
    public void record(DayCheckpoint checkpoint) {
        keyspace.session().execute(statements().upsertDay.bind(checkpoint.cell(), checkpoint.day(), checkpoint.state().name(), checkpoint.rows(),
                checkpoint.sha256(), checkpoint.location(), checkpoint.updatedAt()).setIdempotent(true));
    }

    @Override
    public ArchiveLease acquire(String cell, String holder, Duration length) {
        Instant now = clock.instant();
        ResultSet taken = keyspace.session().execute(statements().acquire.bind(cell, holder, now, now, ttlOf(length)));
        if (!taken.wasApplied()) {
            Row current = taken.one();
            throw new ArchiveBusyException("another cleanup run is archiving cell " + cell + ": " + current.getString("holder") + " since "
                    + current.getInstant("acquired_at") + " (renewed " + current.getInstant("renewed_at") + ")");
        }
        return new Lease(cell, holder, length, now);
    }

    private static int ttlOf(Duration length) {
        return (int) Math.max(1, (length.toMillis() + 999) / 1000);
    }

    private synchronized Statements statements() {
        if (statements == null) {
            CqlSession session = keyspace.session();
            for (String table : SCHEMA) {
                session.execute(SimpleStatement.newInstance(table).setTimeout(SCHEMA_REQUEST_TIMEOUT));
            }
            statements = new Statements(session);
        }
        return statements;
    }

    private final class Lease implements ArchiveLease {
        private final String cell;
        private final String holder;
        private final Duration length;
        private final Instant acquiredAt;
        private Instant renewedAt;

        Lease(String cell, String holder, Duration length, Instant acquiredAt) {
            this.cell = cell;
            this.holder = holder;
            this.length = length;
            this.acquiredAt = acquiredAt;
            this.renewedAt = acquiredAt;
        }

        /** Renewed once a third of it has passed, so that it has two thirds left after every call. */
        @Override
        public void keep() {
            Instant now = clock.instant();
            if (Duration.between(renewedAt, now).compareTo(length.dividedBy(3)) < 0) {
                return;
            }
            // Every column is written again, with the new TTL, so that the row lives exactly as long as the lease.
            ResultSet renewed = keyspace.session().execute(statements().renew.bind(ttlOf(length), holder, acquiredAt, now, cell, holder));
            if (!renewed.wasApplied()) {
                Row current = renewed.one();
                throw new ArchiveLeaseLostException("the archive lease of cell " + cell + " ran out and is now held by "
                        + (current.getColumnDefinitions().contains("holder") ? current.getString("holder") : "nobody"));
            }
            renewedAt = now;
        }

        @Override
        public void close() {
            try {
                keyspace.session().execute(statements().release.bind(cell, holder));
            } catch (RuntimeException e) {
                // It runs out by itself: the next run waits at most one lease length.
                LOG.warn("Could not give up the archive lease of cell {}: {}", cell, e.getMessage());
            }
        }
    }

    private static final class Statements {
        final PreparedStatement selectDay;
        final PreparedStatement upsertDay;
        final PreparedStatement acquire;
        final PreparedStatement renew;
        final PreparedStatement release;

        Statements(CqlSession session) {
            selectDay = session.prepare("SELECT state, rows, sha256, location, updated_at FROM checkin_archive_days WHERE cell = ? AND day = ?");
            upsertDay = session.prepare("INSERT INTO checkin_archive_days (cell, day, state, rows, sha256, location, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)");
            acquire = session.prepare("INSERT INTO checkin_archive_leases (cell, holder, acquired_at, renewed_at) VALUES (?, ?, ?, ?)"
                    + " IF NOT EXISTS USING TTL ?");
            renew = session.prepare("UPDATE checkin_archive_leases USING TTL ? SET holder = ?, acquired_at = ?, renewed_at = ?"
                    + " WHERE cell = ? IF holder = ?");
            release = session.prepare("DELETE FROM checkin_archive_leases WHERE cell = ? IF holder = ?");
        }
    }
}
