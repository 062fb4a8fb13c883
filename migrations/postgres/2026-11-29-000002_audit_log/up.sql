-- Who looked at or changed whose personal data, and when. Holds identifiers only, never the data.
CREATE TABLE audit_log (
    id TEXT PRIMARY KEY NOT NULL,
    at TIMESTAMP NOT NULL,
    actor_user_id TEXT,
    action TEXT NOT NULL,
    subject_user_id TEXT,
    library_id TEXT
);
CREATE INDEX audit_log_subject ON audit_log(subject_user_id, at);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX login_attempts_at ON login_attempts(attempted_at);
