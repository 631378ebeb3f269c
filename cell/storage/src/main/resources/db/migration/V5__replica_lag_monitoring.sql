-- The service exports the lag of its database's streaming replicas (pg_stat_replication), whose positions only
-- members of pg_monitor see: the predefined role for reading the server's statistics, and nothing of anyone's data.
GRANT pg_monitor TO "${serviceRole}";
