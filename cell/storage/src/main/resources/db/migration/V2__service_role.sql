-- The login role the service runs its queries as: rows in and out of its tables, nothing about the schema.
-- ${serviceRole} is the configured service username (atoll.storage.database.service-username).
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${serviceRole}') THEN
        CREATE ROLE "${serviceRole}" LOGIN;
    END IF;
EXCEPTION
    -- Another database's migration created the (cluster-wide) role a moment ago.
    WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

REVOKE CREATE ON SCHEMA public FROM PUBLIC;

GRANT SELECT, INSERT, UPDATE ON members, membership_history, orders, order_items, fulfilment_transactions,
    job_requests, jobs, job_results TO "${serviceRole}";
-- The catalogue is the sales team's: the service only reads it.
GRANT SELECT ON items TO "${serviceRole}";
-- Expired uploads and long-sent events are purged; nothing else is ever deleted.
GRANT SELECT, INSERT, UPDATE, DELETE ON uploads, outbox_events TO "${serviceRole}";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${serviceRole}";
