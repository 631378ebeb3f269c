-- A sign-up holds its address here before a cell creates the account, so that sign-ups of one address in two
-- regions meet in one cell. A hold is a placement not yet confirmed; routing of logins reads confirmed rows only.
ALTER TABLE placement ADD COLUMN confirmed BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE placement ADD COLUMN hold_id UUID;
