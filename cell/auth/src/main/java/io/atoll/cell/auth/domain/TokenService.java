package io.atoll.cell.auth.domain;

import io.atoll.cell.contracts.RefreshTokenHome;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * The token endpoint's grants and revocation. Every method runs in one transaction and reports refusals
 * as values, not exceptions, so that what a refusal writes (failure counts, locks, audit records, a
 * revoked family) is committed with it.
 */
@Singleton
public class TokenService {
    private static final String BAD_LOGIN = "wrong e-mail address or password";
    private static final String LOCKED = "too many failed sign-ins; try again later";

    private final AccountStore accounts;
    private final RefreshTokenStore refreshTokens;
    private final SecretHasher hasher;
    private final AddressThrottle addressThrottle;
    private final FailureLimit accountLimit;
    private final AuditTrail audit;
    private final TokenIssuer issuer;
    private final TokenVerifier verifier;
    private final RevokedTokenList revokedTokens;
    private final Clock clock;
    private final String cellId;
    private final Duration refreshTokenTtl;

    public TokenService(AccountStore accounts, RefreshTokenStore refreshTokens, SecretHasher hasher,
                        AddressThrottle addressThrottle, FailureLimit accountLimit, AuditTrail audit, TokenIssuer issuer,
                        TokenVerifier verifier, RevokedTokenList revokedTokens, Clock clock, @Named("cellId") String cellId,
                        @Named("refreshTokenTtl") Duration refreshTokenTtl) {
        this.accounts = requireNonNull(accounts, "accounts is null");
        this.refreshTokens = requireNonNull(refreshTokens, "refreshTokens is null");
        this.hasher = requireNonNull(hasher, "hasher is null");
        this.addressThrottle = requireNonNull(addressThrottle, "addressThrottle is null");
        this.accountLimit = requireNonNull(accountLimit, "accountLimit is null");
        this.audit = requireNonNull(audit, "audit is null");
        this.issuer = requireNonNull(issuer, "issuer is null");
        this.verifier = requireNonNull(verifier, "verifier is null");
        this.revokedTokens = requireNonNull(revokedTokens, "revokedTokens is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.cellId = requireNonNull(cellId, "cellId is null");
        this.refreshTokenTtl = requireNonNull(refreshTokenTtl, "refreshTokenTtl is null");
    }

    /** The resource owner password grant (RFC 6749 section 4.3), for members and operators. */
    @Transactional
    public GrantOutcome passwordGrant(String username, String password, Scopes requested, String clientAddress) {
        String email = username.trim().toLowerCase(Locale.ROOT);
        Optional<Account> found = accounts.findByEmail(email).filter(account -> account.type() != AccountType.SERVICE);
        return signIn(found, email, password, requested, clientAddress, AuditEventType.LOGIN_OK, AuditEventType.LOGIN_FAILED,
                OAuthError.INVALID_GRANT, BAD_LOGIN, true);
    }

    /** The client credentials grant (RFC 6749 section 4.4), for service clients; it gives no refresh token. */
    @Transactional
    public GrantOutcome clientCredentialsGrant(String clientId, String secret, Scopes requested, String clientAddress) {
        Optional<Account> found = accounts.findByClientId(clientId.trim()).filter(account -> account.type() == AccountType.SERVICE);
        return signIn(found, clientId.trim(), secret, requested, clientAddress, AuditEventType.CLIENT_CREDENTIALS_OK,
                AuditEventType.CLIENT_CREDENTIALS_FAILED, OAuthError.INVALID_CLIENT, "client authentication failed", false);
    }

    /**
     * Authenticates a service client without issuing anything, as token introspection (RFC 7662) asks of its
     * callers; a failure counts towards the same locks as a failed sign-in. Empty when the client is authenticated.
     */
    @Transactional
    public Optional<GrantOutcome.Refused> authenticateClient(String clientId, String secret, String clientAddress) {
        Optional<Account> found = accounts.findByClientId(clientId.trim()).filter(account -> account.type() == AccountType.SERVICE);
        SecretCheck check = checkSecret(found, clientId.trim(), secret, clientAddress, AuditEventType.CLIENT_CREDENTIALS_FAILED,
                OAuthError.INVALID_CLIENT, "client authentication failed");
        return check instanceof SecretCheck.Failed failed ? Optional.of(failed.refusal()) : Optional.empty();
    }

    private GrantOutcome signIn(Optional<Account> found, String principal, String secret, Scopes requested, String clientAddress,
                                AuditEventType okEvent, AuditEventType failedEvent, OAuthError failure, String failureText,
                                boolean withRefreshToken) {
        SecretCheck check = checkSecret(found, principal, secret, clientAddress, failedEvent, failure, failureText);
        if (check instanceof SecretCheck.Failed failed) {
            return failed.refusal();
        }
        Account account = ((SecretCheck.Matched) check).account();
        Scopes granted = account.scopes();
        Scopes scopes = requested == null ? granted : requested;
        if (!granted.containsAll(scopes)) {
            return GrantOutcome.Refused.of(OAuthError.INVALID_SCOPE, "the account may not have the requested scopes");
        }
        audit.record(okEvent, account.id(), principal, clientAddress, scopes.toString());
        IssuedAccessToken access = issuer.issue(account.id().toString(), scopes);
        String refresh = withRefreshToken ? storeRefreshToken(account.id(), UUID.randomUUID(), scopes, access) : null;
        return new GrantOutcome.Issued(access.token(), issuer.lifetime(), refresh, scopes);
    }

    /** The outcome of checking a secret: the account it opens, or the refusal. */
    private sealed interface SecretCheck {
        record Matched(Account account) implements SecretCheck {
        }

        record Failed(GrantOutcome.Refused refusal) implements SecretCheck {
        }
    }

    /** Checks the secret of an account found by its principal, minding the address's and the account's locks. */
    private SecretCheck checkSecret(Optional<Account> found, String principal, String secret, String clientAddress,
                                    AuditEventType failedEvent, OAuthError failure, String failureText) {
        Optional<Duration> addressLock = addressThrottle.lockRemaining(clientAddress);
        if (addressLock.isPresent()) {
            audit.record(AuditEventType.LOGIN_THROTTLED, found.map(Account::id).orElse(null), principal, clientAddress, "address locked");
            return new SecretCheck.Failed(new GrantOutcome.Refused(OAuthError.INVALID_GRANT, LOCKED, addressLock.get()));
        }
        if (found.isEmpty() || found.get().disabled()) {
            hasher.matchNothing(secret);
            recordAddressFailure(principal, clientAddress);
            audit.record(failedEvent, null, principal, clientAddress, "unknown account");
            return new SecretCheck.Failed(GrantOutcome.Refused.of(failure, failureText));
        }
        Account account = accounts.findByIdForUpdate(found.get().id()).orElseThrow();
        Instant now = clock.instant();
        FailureWindow before = account.failures();
        Optional<Duration> accountLock = before.lockRemaining(now);
        if (accountLock.isPresent()) {
            audit.record(AuditEventType.LOGIN_THROTTLED, account.id(), principal, clientAddress, "account locked");
            return new SecretCheck.Failed(new GrantOutcome.Refused(OAuthError.INVALID_GRANT, LOCKED, accountLock.get()));
        }
        if (!hasher.matches(secret, account.secretHash())) {
            FailureWindow after = accountLimit.afterFailure(before, now);
            accounts.updateFailures(account.id(), after);
            audit.record(failedEvent, account.id(), principal, clientAddress, "wrong secret");
            if (after.lockedBy(before, now)) {
                audit.record(AuditEventType.LOCKOUT, account.id(), principal, clientAddress, "account locked until " + after.lockedUntil());
            }
            recordAddressFailure(principal, clientAddress);
            return new SecretCheck.Failed(GrantOutcome.Refused.of(failure, failureText));
        }
        if (before.failures() > 0 || before.lockedUntil() != null) {
            accounts.updateFailures(account.id(), FailureWindow.CLEAR);
        }
        return new SecretCheck.Matched(account);
    }

    private void recordAddressFailure(String principal, String clientAddress) {
        if (addressThrottle.recordFailure(clientAddress)) {
            audit.record(AuditEventType.LOCKOUT, null, principal, clientAddress, "address locked");
        }
    }

    /**
     * The refresh token grant (RFC 6749 section 6). The token is rotated: the one presented is spent and a
     * new one of the same family is returned. A spent token presented again means it was copied, so the
     * whole family (and its unexpired access tokens) is revoked, cutting off thief and owner alike.
     */
    @Transactional
    public GrantOutcome refreshGrant(String refreshToken, Scopes requested, String clientAddress) {
        Optional<RefreshToken> found = refreshTokens.findByHashForUpdate(hash(refreshToken));
        Instant now = clock.instant();
        if (found.isEmpty()) {
            audit.record(AuditEventType.REFRESH_FAILED, null, null, clientAddress, "unknown refresh token");
            return GrantOutcome.Refused.of(OAuthError.INVALID_GRANT, "the refresh token is not valid");
        }
        RefreshToken token = found.get();
        if (token.revokedAt() != null) {
            audit.record(AuditEventType.REFRESH_FAILED, token.accountId(), null, clientAddress, "revoked refresh token");
            return GrantOutcome.Refused.of(OAuthError.INVALID_GRANT, "the refresh token was revoked");
        }
        if (token.usedAt() != null) {
            revokeFamily(token.familyId(), now);
            audit.record(AuditEventType.REFRESH_REUSE, token.accountId(), null, clientAddress, "family " + token.familyId() + " revoked");
            return GrantOutcome.Refused.of(OAuthError.INVALID_GRANT, "the refresh token was used already");
        }
        if (!now.isBefore(token.expiresAt())) {
            audit.record(AuditEventType.REFRESH_FAILED, token.accountId(), null, clientAddress, "expired refresh token");
            return GrantOutcome.Refused.of(OAuthError.INVALID_GRANT, "the refresh token has expired");
        }
        Optional<Account> account = accounts.findById(token.accountId()).filter(candidate -> !candidate.disabled());
        if (account.isEmpty()) {
            return GrantOutcome.Refused.of(OAuthError.INVALID_GRANT, "the account is disabled");
        }
        Scopes granted = token.scopes();
        Scopes scopes = requested == null ? granted : requested;
        if (!granted.containsAll(scopes)) {
            return GrantOutcome.Refused.of(OAuthError.INVALID_SCOPE, "the refresh token does not cover the requested scopes");
        }
        refreshTokens.markUsed(token.id(), now);
        IssuedAccessToken access = issuer.issue(token.accountId().toString(), scopes);
        String next = storeRefreshToken(token.accountId(), token.familyId(), granted, access);
        audit.record(AuditEventType.REFRESH, token.accountId(), account.get().principal(), clientAddress, null);
        return new GrantOutcome.Issued(access.token(), issuer.lifetime(), next, scopes);
    }

    /**
     * Token revocation (RFC 7009): a refresh token revokes its family, an access token of this cell is
     * refused from now on. Unknown and invalid tokens are ignored, as the RFC asks.
     */
    @Transactional
    public void revoke(String token, String clientAddress) {
        Instant now = clock.instant();
        Optional<RefreshToken> refresh = refreshTokens.findByHashForUpdate(hash(token));
        if (refresh.isPresent()) {
            if (refresh.get().revokedAt() == null) {
                revokeFamily(refresh.get().familyId(), now);
                audit.record(AuditEventType.REVOKE, refresh.get().accountId(), null, clientAddress, "refresh token family " + refresh.get().familyId());
            }
            return;
        }
        try {
            VerifiedToken access = verifier.verifyWithKnownKeys(token);
            if (access.issuer().equals(cellId)) {
                revokedTokens.revoke(access.jti(), access.expiresAt());
                audit.record(AuditEventType.REVOKE, UUID.fromString(access.subject()), null, clientAddress, "access token " + access.jti());
            }
        } catch (TokenRejectedException | IllegalArgumentException ignored) {
            // Nothing to revoke: an invalid token is already refused everywhere.
        }
    }

    private void revokeFamily(UUID familyId, Instant now) {
        refreshTokens.revokeFamily(familyId, now);
        for (RefreshToken member : refreshTokens.findWithUnexpiredAccessToken(familyId, now)) {
            revokedTokens.revoke(member.accessJti(), member.accessExpiresAt());
        }
    }

    private String storeRefreshToken(UUID accountId, UUID familyId, Scopes scopes, IssuedAccessToken access) {
        String value = RefreshTokenHome.token(cellId, SecretHasher.newSecret());
        Instant now = clock.instant();
        refreshTokens.add(new RefreshToken(UUID.randomUUID(), familyId, accountId, hash(value), scopes, now,
                now.plus(refreshTokenTtl), null, null, access.jti(), access.expiresAt()));
        return value;
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
