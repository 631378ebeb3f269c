-- The job pipeline as the workers drive it through storage's API: a request carries what to work on (its spec),
-- is planned into jobs that run under a lease, ends with a summary that is also saved as a job result, and its
-- notifications are tracked until sent. Nothing wrote job_requests or jobs before this version, so their new
-- NOT NULL columns need no default.

ALTER TABLE job_requests
    ADD COLUMN spec                 jsonb    NOT NULL,
    -- SHA-256 of the creating request's content, to tell a retry (same body) from a reused id (another body).
    ADD COLUMN request_fingerprint  char(64) NOT NULL,
    ADD COLUMN summary              jsonb,
    ADD COLUMN headline             text,
    ADD COLUMN completed_at         timestamptz,
    ADD CONSTRAINT job_requests_kind_check CHECK (kind IN ('photo', 'repository-scan', 'noop')),
    -- A request is completed exactly once, with its summary.
    ADD CONSTRAINT job_requests_completion_check CHECK ((completed_at IS NULL) = (summary IS NULL));
ALTER TABLE job_requests DROP CONSTRAINT job_requests_status_check;
ALTER TABLE job_requests ADD CONSTRAINT job_requests_status_check
    CHECK (status IN ('requested', 'planned', 'succeeded', 'partial', 'failed'));
CREATE INDEX job_requests_newest ON job_requests (created_at DESC, id DESC);
CREATE INDEX job_requests_status_newest ON job_requests (status, created_at DESC, id DESC);
CREATE INDEX job_requests_member ON job_requests (member_id);

ALTER TABLE jobs
    ADD COLUMN spec         jsonb NOT NULL,
    -- Until when the runner of the current attempt is trusted to be alive; a running job past it is stale.
    ADD COLUMN lease_until  timestamptz;
CREATE INDEX jobs_running_lease ON jobs (lease_until) WHERE status = 'running';

-- A request's summary is its one result: completion is first-wins, and this holds it in the database too.
CREATE UNIQUE INDEX job_results_one_per_request ON job_results (request_id);

-- What the workers told about a request (Slack, a signed webhook, a GitHub commit status), and how far they got.
CREATE TABLE notifications (
    id          uuid PRIMARY KEY,
    request_id  uuid        NOT NULL REFERENCES job_requests (id),
    channel     text        NOT NULL CHECK (channel IN ('slack', 'webhook', 'github-status')),
    target      text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts    integer     NOT NULL CHECK (attempts >= 0),
    last_error  text,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX notifications_request ON notifications (request_id);

-- The workers' handlers record each message they have handled, so that a redelivery is recognised and skipped.
CREATE TABLE processed_messages (
    consumer      text        NOT NULL,
    message_id    text        NOT NULL,
    processed_at  timestamptz NOT NULL,
    PRIMARY KEY (consumer, message_id)
);
CREATE INDEX processed_messages_age ON processed_messages (processed_at);

-- The purge of expired uploads removes their requests with everything hanging off them, and forgets old
-- processed-message records.
GRANT SELECT, INSERT, UPDATE, DELETE ON job_requests, jobs, job_results, notifications, processed_messages TO "${serviceRole}";
