DROP TABLE event_registrations;
DROP TABLE events;
