package io.atoll.cell.auth.domain;

import io.atoll.cell.contracts.AccessTokenClaims;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** Creates accounts: members signing up, service clients and operators set up by an operator. */
@Singleton
public class AccountService {
    private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Scopes OPERATOR_SCOPES = Scopes.parse(AccessTokenClaims.OPERATOR_SCOPE);

    private final AccountStore accounts;
    private final SecretHasher hasher;
    private final AuditTrail audit;
    private final Clock clock;
    private final Scopes memberScopes;

    public AccountService(AccountStore accounts, SecretHasher hasher, AuditTrail audit, Clock clock, MemberScopes memberScopes) {
        this.accounts = requireNonNull(accounts, "accounts is null");
        this.hasher = requireNonNull(hasher, "hasher is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.memberScopes = requireNonNull(memberScopes, "memberScopes is null").scopes();
    }

    @Transactional
    public Account signUp(String email, String password, String clientAddress) {
        return create(AccountType.MEMBER, email, password, null, clientAddress).account();
    }

    /**
     * Creates an account of any type. Members and operators need an e-mail address and a password; a
     * service client needs a client id and gets a generated secret. Null scopes mean the type's default.
     */
    @Transactional
    public CreatedAccount create(AccountType type, String principal, String password, Scopes scopes, String clientAddress) {
        requireNonNull(type, "type is null");
        String email = null;
        String clientId = null;
        String secret;
        String generated = null;
        if (type == AccountType.SERVICE) {
            clientId = principal == null ? "" : principal.trim();
            if (!CLIENT_ID.matcher(clientId).matches()) {
                throw new AccountRequestException("a client id is 3 to 64 characters of a-z, 0-9, '.', '_' and '-'");
            }
            if (scopes == null || scopes.isEmpty()) {
                throw new AccountRequestException("a service client needs at least one scope");
            }
            if (accounts.existsByClientId(clientId)) {
                throw new DuplicateAccountException("a client with this id exists already");
            }
            generated = SecretHasher.newSecret();
            secret = generated;
        } else {
            email = Credentials.normalizeEmail(principal);
            Credentials.checkPassword(password, email);
            if (accounts.existsByEmail(email)) {
                throw new DuplicateAccountException("an account with this e-mail address exists already");
            }
            secret = password;
        }
        Scopes granted = scopes != null ? scopes : type == AccountType.OPERATOR ? OPERATOR_SCOPES : memberScopes;
        Account account = new Account(UUID.randomUUID(), type, email, clientId, hasher.hash(secret), granted,
                clock.instant(), false, FailureWindow.CLEAR);
        accounts.add(account);
        audit.record(AuditEventType.ACCOUNT_CREATED, account.id(), account.principal(), clientAddress, type.name());
        return new CreatedAccount(account, generated);
    }
}
