-- Members, service clients and operators of this cell. A member or operator signs in with an e-mail
-- address, a service client with a client id; exactly one of the two is set.
CREATE TABLE accounts (
    id                       UUID PRIMARY KEY,
    type                     TEXT        NOT NULL CHECK (type IN ('MEMBER', 'SERVICE', 'OPERATOR')),
    email                    TEXT UNIQUE,
    client_id                TEXT UNIQUE,
    secret_hash              TEXT        NOT NULL,
    scopes                   TEXT        NOT NULL,
    created_at               TIMESTAMPTZ NOT NULL,
    disabled                 BOOLEAN     NOT NULL DEFAULT FALSE,
    -- Failed sign-ins inside the current window, and the lock they led to: kept here rather than in
    -- memory so that every replica of the service sees the same lock.
    failed_logins            INTEGER     NOT NULL DEFAULT 0,
    failure_window_start     TIMESTAMPTZ,
    locked_until             TIMESTAMPTZ,
    CHECK ((email IS NULL) <> (client_id IS NULL))
);

-- Refresh tokens are stored only as SHA-256 hashes: they are 256-bit random values, so a fast hash is
-- enough to make a stolen table useless. Every use rotates the token within its family; a second use of
-- a rotated token revokes the family.
CREATE TABLE refresh_tokens (
    id                 UUID PRIMARY KEY,
    family_id          UUID        NOT NULL,
    account_id         UUID        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    token_hash         BYTEA       NOT NULL UNIQUE,
    scopes             TEXT        NOT NULL,
    issued_at          TIMESTAMPTZ NOT NULL,
    expires_at         TIMESTAMPTZ NOT NULL,
    used_at            TIMESTAMPTZ,
    revoked_at         TIMESTAMPTZ,
    -- The access token issued together with this refresh token, revoked with the family.
    access_jti         TEXT        NOT NULL,
    access_expires_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_expires ON refresh_tokens (expires_at);

-- Access tokens revoked before their expiry; every replica polls the rows added since its last look.
CREATE TABLE revoked_access_tokens (
    seq         BIGSERIAL PRIMARY KEY,
    jti         TEXT        NOT NULL UNIQUE,
    expires_at  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ NOT NULL
);

-- Signing keys as private JWKs. NEXT is published but not yet signing, ACTIVE signs, RETIRED is still
-- published until publish_until so that the tokens it signed verify until they expire.
CREATE TABLE signing_keys (
    kid            TEXT PRIMARY KEY,
    status         TEXT        NOT NULL CHECK (status IN ('NEXT', 'ACTIVE', 'RETIRED')),
    private_jwk    TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    activated_at   TIMESTAMPTZ,
    retired_at     TIMESTAMPTZ,
    publish_until  TIMESTAMPTZ
);
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (status) WHERE status = 'ACTIVE';
CREATE UNIQUE INDEX signing_keys_one_next ON signing_keys (status) WHERE status = 'NEXT';

CREATE TABLE audit_events (
    id              BIGSERIAL PRIMARY KEY,
    occurred_at     TIMESTAMPTZ NOT NULL,
    type            TEXT        NOT NULL,
    account_id      UUID,
    principal       TEXT,
    client_address  TEXT,
    detail          TEXT
);
CREATE INDEX audit_events_account ON audit_events (account_id, occurred_at);
CREATE INDEX audit_events_occurred ON audit_events (occurred_at);
