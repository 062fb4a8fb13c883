DROP INDEX audit_log_record;
ALTER TABLE audit_log DROP COLUMN record_id;
