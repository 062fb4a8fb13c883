DROP INDEX events_series;
ALTER TABLE events DROP COLUMN series_id;
DROP TABLE event_series;
