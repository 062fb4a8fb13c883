-- The outbox: every message is written in the transaction of the change that causes it and
-- delivered later by a worker that claims it (claim + claimed_until), so several processes never
-- send one message twice and a process that dies leaves its claims to expire.
CREATE TABLE messages (
    id TEXT PRIMARY KEY NOT NULL,
    library_id TEXT NOT NULL REFERENCES libraries(id),
    kind TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    user_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    recipient_name TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    channel TEXT NOT NULL,
    language TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    ics TEXT,
    secret TEXT,
    status TEXT NOT NULL,
    due_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    claim TEXT,
    claimed_until TIMESTAMP,
    last_error TEXT,
    sent_via TEXT,
    sent_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX messages_due ON messages (status, due_at);
CREATE INDEX messages_subject ON messages (subject_id);
CREATE INDEX messages_user ON messages (user_id);
CREATE INDEX messages_library ON messages (library_id, created_at);

-- A library's own wording of a message kind in one language (the built-in wording otherwise).
CREATE TABLE message_templates (
    library_id TEXT NOT NULL REFERENCES libraries(id),
    kind TEXT NOT NULL,
    language TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    PRIMARY KEY (library_id, kind, language)
);

-- How a person wants to be told: by email or text message, and in which language.
CREATE TABLE message_preferences (
    user_id TEXT PRIMARY KEY NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    language TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
