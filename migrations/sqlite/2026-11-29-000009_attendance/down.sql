ALTER TABLE event_registrations DROP COLUMN attended;
