-- A notification is sent under a lease, like a job's attempt: a delivery of its message starts an attempt, and
-- another delivery of the same message (the broker and the pipeline deliver at least once) may start one only
-- after that one ended or its lease passed. Two workers never send one notification at the same time.
ALTER TABLE notifications ADD COLUMN lease_until timestamptz;
