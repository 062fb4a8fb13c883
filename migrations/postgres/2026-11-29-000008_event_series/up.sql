-- Series of events ("first Tuesday of every month at 18:00"): the rule they were made from. Each
-- occurrence is an ordinary event row naming its series, so one can be moved or cancelled alone.
CREATE TABLE event_series (
    id TEXT PRIMARY KEY NOT NULL,
    library_id TEXT NOT NULL REFERENCES libraries(id),
    repeat_rule TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
ALTER TABLE events ADD COLUMN series_id TEXT REFERENCES event_series(id);
CREATE INDEX events_series ON events(series_id, starts_at);
