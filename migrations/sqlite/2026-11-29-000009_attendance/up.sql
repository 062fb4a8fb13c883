-- Whether a participant came, marked by staff after the event started (NULL: not marked).
ALTER TABLE event_registrations ADD COLUMN attended BOOLEAN;
