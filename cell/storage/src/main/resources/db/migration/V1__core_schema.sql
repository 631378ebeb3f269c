-- The cell's business data. Every table is written only through the storage service (and, later, through the
-- data-access layer's team roles); member ids are the account ids of the cell's auth.

CREATE TABLE members (
    id              text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
    home_cell       text        NOT NULL,
    -- Personal data: masked for analytics by the data-access layer.
    email           text,
    name            text,
    postal_line1    text,
    postal_line2    text,
    postal_city     text,
    postal_code     text,
    postal_country  char(2),
    tier            text        NOT NULL CHECK (tier IN ('basic', 'plus', 'premium')),
    status          text        NOT NULL CHECK (status IN ('active', 'suspended', 'closed')),
    joined_at       timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CHECK ((postal_line1 IS NULL) = (postal_country IS NULL))
);

-- One row per membership state a member has been in: the first when they join, then one per tier or status change.
CREATE TABLE membership_history (
    id          bigserial PRIMARY KEY,
    member_id   text        NOT NULL REFERENCES members (id),
    tier        text        NOT NULL,
    status      text        NOT NULL,
    changed_at  timestamptz NOT NULL
);
CREATE INDEX membership_history_member ON membership_history (member_id, changed_at);

-- The catalogue. Items are retired (is_active = false), never deleted: orders keep referring to them.
CREATE TABLE items (
    sku           text PRIMARY KEY CHECK (sku ~ '^[A-Z0-9][A-Z0-9-]{2,39}$'),
    name          text          NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    weight_grams  integer       NOT NULL CHECK (weight_grams > 0),
    price         numeric(12,2) NOT NULL CHECK (price >= 0),
    currency      char(3)       NOT NULL,
    is_active     boolean       NOT NULL DEFAULT true,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    updated_at    timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX items_active_sku ON items (sku) WHERE is_active;

CREATE TABLE orders (
    id                  uuid PRIMARY KEY,
    member_id           text        NOT NULL REFERENCES members (id),
    -- A retried placement carries the same key: the unique pair makes exactly one order of any number of tries.
    idempotency_key     text        NOT NULL,
    -- SHA-256 of the placement request, to tell a retry (same body) from a reused key (another body).
    request_hash        char(64)    NOT NULL,
    status              text        NOT NULL CHECK (status IN ('placed', 'fulfilled', 'cancelled')),
    destination_name    text,
    destination_line1   text        NOT NULL,
    destination_line2   text,
    destination_city    text        NOT NULL,
    destination_postal_code text    NOT NULL,
    destination_country char(2)     NOT NULL,
    warehouse_region    text        NOT NULL,
    currency            char(3)     NOT NULL,
    placed_at           timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    UNIQUE (member_id, idempotency_key)
);
CREATE INDEX orders_member_newest ON orders (member_id, placed_at DESC, id DESC);
CREATE INDEX orders_open ON orders (placed_at) WHERE status = 'placed';

-- Price, name and weight as they were when the order was placed: later catalogue changes do not rewrite orders.
CREATE TABLE order_items (
    order_id           uuid          NOT NULL REFERENCES orders (id),
    line_number        integer       NOT NULL CHECK (line_number >= 1),
    sku                text          NOT NULL REFERENCES items (sku),
    name               text          NOT NULL,
    quantity           integer       NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
    unit_price         numeric(12,2) NOT NULL,
    unit_weight_grams  integer       NOT NULL,
    PRIMARY KEY (order_id, line_number)
);

-- Who moved an order to which status, and when.
CREATE TABLE fulfilment_transactions (
    id           uuid PRIMARY KEY,
    order_id     uuid        NOT NULL REFERENCES orders (id),
    from_status  text        NOT NULL,
    to_status    text        NOT NULL CHECK (to_status IN ('fulfilled', 'cancelled')),
    actor        text        NOT NULL,
    occurred_at  timestamptz NOT NULL
);
CREATE INDEX fulfilment_transactions_order ON fulfilment_transactions (order_id, occurred_at);

-- Photos in the object store: the row is written only once the object is complete.
CREATE TABLE uploads (
    id            uuid PRIMARY KEY,
    member_id     text        NOT NULL REFERENCES members (id),
    object_key    text        NOT NULL UNIQUE,
    content_type  text        NOT NULL,
    size_bytes    bigint      NOT NULL CHECK (size_bytes > 0),
    sha256        char(64)    NOT NULL,
    status        text        NOT NULL CHECK (status IN ('stored', 'purged')),
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL CHECK (expires_at > created_at)
);
CREATE INDEX uploads_expiry ON uploads (expires_at) WHERE status = 'stored';

-- The job pipeline: a request (process this upload) is planned into jobs; their outcomes are summarised as results.
CREATE TABLE job_requests (
    id          uuid PRIMARY KEY,
    kind        text        NOT NULL,
    subject_id  text        NOT NULL,
    member_id   text        REFERENCES members (id),
    status      text        NOT NULL CHECK (status IN ('requested', 'planned', 'running', 'succeeded', 'failed')),
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX job_requests_subject ON job_requests (subject_id);

CREATE TABLE jobs (
    id               uuid PRIMARY KEY,
    request_id       uuid        NOT NULL REFERENCES job_requests (id),
    kind             text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('pending', 'running', 'succeeded', 'failed', 'timed_out')),
    attempts         integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    timeout_seconds  integer     NOT NULL CHECK (timeout_seconds BETWEEN 5 AND 1800),
    started_at       timestamptz,
    finished_at      timestamptz,
    exit_code        integer,
    -- What the job printed on stdout: its result as JSON.
    result           jsonb,
    stderr           text,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX jobs_request ON jobs (request_id);

CREATE TABLE job_results (
    id          uuid PRIMARY KEY,
    request_id  uuid        NOT NULL REFERENCES job_requests (id),
    kind        text        NOT NULL,
    data        jsonb       NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX job_results_request ON job_results (request_id);

-- The transactional outbox: an event is inserted in the transaction of its change and published by the relay.
-- The payload is the exact JSON published, so a republished event is byte for byte the first one.
CREATE TABLE outbox_events (
    position     bigserial PRIMARY KEY,
    id           uuid        NOT NULL UNIQUE,
    type         text        NOT NULL,
    payload      text        NOT NULL,
    traceparent  text,
    created_at   timestamptz NOT NULL,
    sent_at      timestamptz
);
CREATE INDEX outbox_events_unsent ON outbox_events (position) WHERE sent_at IS NULL;
