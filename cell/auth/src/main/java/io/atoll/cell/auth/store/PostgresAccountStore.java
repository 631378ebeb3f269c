package io.atoll.cell.auth.store;

import io.atoll.cell.auth.domain.Account;
import io.atoll.cell.auth.domain.AccountStore;
import io.atoll.cell.auth.domain.DuplicateAccountException;
import io.atoll.cell.auth.domain.FailureWindow;
import io.atoll.cell.auth.domain.Scopes;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** The accounts in the {@code accounts} table. */
@Singleton
final class PostgresAccountStore implements AccountStore {
    private static final String UNIQUE_VIOLATION = "23505";

    private final AccountRepository rows;

    PostgresAccountStore(AccountRepository rows) {
        this.rows = requireNonNull(rows, "rows is null");
    }

    @Override
    public Optional<Account> findById(UUID id) {
        return rows.findById(id).map(AccountRow::toAccount);
    }

    @Override
    public Optional<Account> findByEmail(String email) {
        return rows.findByEmail(email).map(AccountRow::toAccount);
    }

    @Override
    public Optional<Account> findByClientId(String clientId) {
        return rows.findByClientId(clientId).map(AccountRow::toAccount);
    }

    @Override
    public boolean existsByEmail(String email) {
        return rows.existsByEmail(email);
    }

    @Override
    public boolean existsByClientId(String clientId) {
        return rows.existsByClientId(clientId);
    }

    @Override
    public Optional<Account> findByIdForUpdate(UUID id) {
        return rows.findByIdForUpdate(id).map(AccountRow::toAccount);
    }

    @Override
    public void add(Account account) {
        try {
            rows.save(AccountRow.of(account));
        } catch (DataAccessException e) {
            // Two sign-ups with the same name at once: the unique index decides, and the loser hears so.
            if (isUniqueViolation(e)) {
                throw new DuplicateAccountException("an account with this name exists already");
            }
            throw e;
        }
    }

    @Override
    public void updateFailures(UUID id, FailureWindow failures) {
        rows.update(id, failures.failures(), failures.windowStart(), failures.lockedUntil());
    }

    @Override
    public void updateSecret(UUID id, String secretHash, Scopes scopes) {
        rows.update(id, secretHash, scopes.toString());
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
