package io.atoll.cell.auth.domain;

/** What the audit log records. */
public enum AuditEventType {
    ACCOUNT_CREATED,
    LOGIN_OK,
    LOGIN_FAILED,
    /** A sign-in refused without looking at the password, because the account or address is locked. */
    LOGIN_THROTTLED,
    /** A failure that locked an account or address. */
    LOCKOUT,
    CLIENT_CREDENTIALS_OK,
    CLIENT_CREDENTIALS_FAILED,
    REFRESH,
    REFRESH_FAILED,
    /** A rotated refresh token used again: its whole family was revoked. */
    REFRESH_REUSE,
    REVOKE,
    KEY_ROTATED
}
