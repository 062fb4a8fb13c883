-- Foundation: libraries and their branches, accounts, sessions, sign-in throttling, settings.
-- Every domain row belongs to a library; people are global and join libraries through memberships.
CREATE TABLE libraries (
    id TEXT PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT NOT NULL,
    time_zone TEXT NOT NULL DEFAULT 'Europe/Helsinki',
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE branches (
    id TEXT PRIMARY KEY NOT NULL,
    library_id TEXT NOT NULL REFERENCES libraries(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    is_main BOOLEAN NOT NULL DEFAULT FALSE,
    street_address TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    city TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX branches_library ON branches(library_id, position);

CREATE TABLE opening_hours (
    branch_id TEXT NOT NULL REFERENCES branches(id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens TEXT NOT NULL,
    closes TEXT NOT NULL,
    PRIMARY KEY (branch_id, weekday)
);

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    email TEXT UNIQUE,
    phone TEXT UNIQUE,
    card_number TEXT UNIQUE,
    password_hash TEXT,
    pin_hash TEXT,
    created_at TIMESTAMP NOT NULL,
    credentials_changed_at TIMESTAMP NOT NULL
);

CREATE TABLE memberships (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    library_id TEXT NOT NULL REFERENCES libraries(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('patron', 'staff', 'admin')),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, library_id)
);
CREATE INDEX memberships_library ON memberships(library_id, role);

-- A session is one sign-in: its refresh tokens form a family, and access tokens name it.
CREATE TABLE sessions (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE refresh_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX refresh_tokens_session ON refresh_tokens(session_id);

CREATE TABLE login_attempts (
    id TEXT PRIMARY KEY NOT NULL,
    account_key TEXT NOT NULL,
    client_ip TEXT NOT NULL,
    succeeded BOOLEAN NOT NULL,
    attempted_at TIMESTAMP NOT NULL
);
CREATE INDEX login_attempts_account ON login_attempts(account_key, attempted_at);
CREATE INDEX login_attempts_ip ON login_attempts(client_ip, attempted_at);

CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
