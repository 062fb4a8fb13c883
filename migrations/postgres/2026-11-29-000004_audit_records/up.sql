-- Audit entries can name the record (a booking, a client file) whose personal data was accessed.
ALTER TABLE audit_log ADD COLUMN record_id TEXT;
CREATE INDEX audit_log_record ON audit_log(record_id, at);
