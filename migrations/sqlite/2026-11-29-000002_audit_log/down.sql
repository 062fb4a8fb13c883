DROP INDEX login_attempts_at;
DROP TABLE audit_log;
