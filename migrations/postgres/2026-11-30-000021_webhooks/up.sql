-- Webhooks: a partner's API client subscribes a URL to kinds of change of its library (events
-- created, changed, cancelled; bookings made, changed, cancelled). The signing secret is kept as it
-- is (HMAC needs it) and shown to the partner once.
CREATE TABLE webhooks (
    id TEXT PRIMARY KEY NOT NULL,
    client_id TEXT NOT NULL REFERENCES api_clients(id),
    url TEXT NOT NULL,
    kinds TEXT NOT NULL,
    secret TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX webhooks_client ON webhooks (client_id);

-- The outbox of webhook calls, written in the transaction of the change itself: `pending` until
-- the partner answers 2xx (`delivered`) or the attempts run out (`failed`). A worker claims a
-- delivery until `claimed_until`, so several processes never send one twice at once.
CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY NOT NULL,
    webhook_id TEXT NOT NULL REFERENCES webhooks(id),
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    due_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL,
    status TEXT NOT NULL,
    claim TEXT,
    claimed_until TIMESTAMP,
    last_status INTEGER,
    delivered_at TIMESTAMP
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, due_at);
CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, created_at);
