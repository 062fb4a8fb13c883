-- Partner systems' access through the API: a library's admins make an API client for a partner
-- (its website, event calendar or library system) with the scopes it may use, the browser origins
-- it may call from and its rate limit. The client's id is `id`; its secret is stored only as a
-- SHA-256 (the secret is 256 random bits, so a fast hash is enough). `revoked_at` ends it for good.
CREATE TABLE api_clients (
    id TEXT PRIMARY KEY NOT NULL,
    library_id TEXT NOT NULL REFERENCES libraries(id),
    name TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    scopes TEXT NOT NULL,
    allowed_origins TEXT NOT NULL,
    rate_limit INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE INDEX api_clients_library ON api_clients (library_id, created_at);

-- Short-lived access tokens from `POST /oauth/token` (client credentials), stored as SHA-256 with
-- the scopes asked for; a call may use only those the client still has.
CREATE TABLE api_client_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    client_id TEXT NOT NULL REFERENCES api_clients(id),
    scopes TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX api_client_tokens_client ON api_client_tokens (client_id);

-- Every call a partner makes with a token: when, the method, the route pattern (never the path's
-- values or the query) and the status answered.
CREATE TABLE api_client_calls (
    id TEXT PRIMARY KEY NOT NULL,
    client_id TEXT NOT NULL REFERENCES api_clients(id),
    at TIMESTAMP NOT NULL,
    method TEXT NOT NULL,
    route TEXT NOT NULL,
    status INTEGER NOT NULL
);
CREATE INDEX api_client_calls_client ON api_client_calls (client_id, at);
