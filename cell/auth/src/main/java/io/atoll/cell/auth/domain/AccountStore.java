package io.atoll.cell.auth.domain;

import java.util.Optional;
import java.util.UUID;

/** Where the cell's accounts are kept. Writes join the caller's transaction. */
public interface AccountStore {
    Optional<Account> findById(UUID id);

    Optional<Account> findByEmail(String email);

    Optional<Account> findByClientId(String clientId);

    boolean existsByEmail(String email);

    boolean existsByClientId(String clientId);

    /** The account, locked for the rest of the transaction so that concurrent failures count one by one. */
    Optional<Account> findByIdForUpdate(UUID id);

    /**
     * Adds a new account; fails with {@link DuplicateAccountException} when another one took its e-mail address or
     * client id in the meantime.
     */
    void add(Account account);

    void updateFailures(UUID id, FailureWindow failures);

    void updateSecret(UUID id, String secretHash, Scopes scopes);
}
