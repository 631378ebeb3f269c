-- Which cell each member lives in. The key is the SHA-256 of the account identifier: in production this
-- table is replicated to every region, and it holds no e-mail addresses.
CREATE TABLE placement (
    account_key CHAR(64)    PRIMARY KEY,
    cell_id     VARCHAR(64) NOT NULL,
    placed_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
