package io.atoll.dataaccess.store;

import io.atoll.dataaccess.domain.PostgresScopeCompiler;
import io.atoll.dataaccess.domain.audit.AuditedDatabase;
import io.atoll.dataaccess.domain.audit.GovernedState;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A cell's core database, audited against the compiled scopes.
 *
 * <p>The expected state is read from the database itself with the compiled script applied inside a transaction that
 * is rolled back: the definition is the script, so running it is the one way to know what it makes without writing
 * its meaning a second time, and running it on the database itself (rather than on a scratch copy made from storage's
 * migrations) sees storage's schema as it is and leaves the cluster-wide team roles alone.
 */
public final class PostgresAuditedDatabase implements AuditedDatabase {
    private static final String CELL_PLACEHOLDER = "${" + PostgresScopeCompiler.CELL_PLACEHOLDER_NAME + "}";

    private final String cell;
    private final String url;
    private final String username;
    private final String password;
    private final String compiledSql;
    private final CatalogReader reader;
    private final Duration lockTimeout;

    /**
     * @param username the schema owner storage migrates as, as for {@link ScopeMigration}
     * @param lockTimeout how long working out the expected state may wait for storage's tables before giving up
     */
    public PostgresAuditedDatabase(String cell, String url, String username, String password, String compiledSql, List<String> teams,
                                   Duration lockTimeout) {
        this.cell = requireNonNull(cell, "cell is null");
        this.url = requireNonNull(url, "url is null");
        this.username = requireNonNull(username, "username is null");
        this.password = requireNonNull(password, "password is null");
        this.compiledSql = requireNonNull(compiledSql, "compiledSql is null");
        this.reader = new CatalogReader(teams);
        this.lockTimeout = requireNonNull(lockTimeout, "lockTimeout is null");
    }

    @Override
    public String cell() {
        return cell;
    }

    @Override
    public GovernedState live() {
        try (Connection connection = connect()) {
            connection.setReadOnly(true);
            return reader.read(connection);
        } catch (SQLException e) {
            throw new AuditFailedException("cannot read the database's roles, grants and policies: " + e.getMessage(), e);
        }
    }

    @Override
    public GovernedState expected() {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL lock_timeout = " + lockTimeout.toMillis());
                // Flyway makes the schema before the script's first run; here the script may never have run.
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + PostgresScopeCompiler.PRIVATE_SCHEMA);
                statement.execute(compiledSql.replace(CELL_PLACEHOLDER, cell));
                return reader.read(connection);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new AuditFailedException("cannot work out what the definition makes of the database: " + e.getMessage(), e);
        }
    }

    @Override
    public void reapply(String reason) {
        new ScopeMigration(url, username, password).reapply(compiledSql, cell, reason);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }
}
