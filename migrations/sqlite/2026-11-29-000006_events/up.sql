-- Remote and hybrid events with separate on-site and online seats, and registrations with a waiting
-- list per seat type (ordered by waitlist_seq; positions are counted, so the list has no gaps).
CREATE TABLE events (
    id TEXT PRIMARY KEY NOT NULL,
    library_id TEXT NOT NULL REFERENCES libraries(id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    category TEXT NOT NULL,
    audience TEXT NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    mode TEXT NOT NULL,
    branch_id TEXT REFERENCES branches(id),
    room TEXT,
    join_url TEXT,
    join_visible_minutes INTEGER NOT NULL,
    on_site_capacity INTEGER NOT NULL,
    online_capacity INTEGER NOT NULL,
    max_seats_per_registration INTEGER NOT NULL,
    registration_required BOOLEAN NOT NULL,
    registration_opens_at TIMESTAMP,
    registration_closes_at TIMESTAMP,
    accessibility_note TEXT,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX events_library_start ON events(library_id, starts_at);
CREATE INDEX events_start ON events(starts_at, id);

CREATE TABLE event_registrations (
    id TEXT PRIMARY KEY NOT NULL,
    event_id TEXT NOT NULL REFERENCES events(id),
    patron_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    guest_name TEXT,
    guest_email TEXT,
    guest_phone TEXT,
    manage_token_hash TEXT,
    seat_type TEXT NOT NULL,
    seats INTEGER NOT NULL,
    needs TEXT,
    status TEXT NOT NULL,
    waitlist_seq BIGINT,
    booked_by_staff_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    language TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    promoted_at TIMESTAMP,
    cancelled_at TIMESTAMP
);
CREATE INDEX event_registrations_event ON event_registrations(event_id, status, seat_type, waitlist_seq);
CREATE INDEX event_registrations_patron ON event_registrations(patron_id);
CREATE UNIQUE INDEX event_registrations_token ON event_registrations(manage_token_hash);
