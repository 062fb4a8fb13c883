-- Remote programmes for care homes, assisted-living units and day centres. An organisation acts
-- through its contact person's account; staff publish offers with the times they can run them; a
-- unit books one time for its group (a count of residents, never names).
CREATE TABLE organisations (
    id TEXT PRIMARY KEY NOT NULL,
    library_id TEXT NOT NULL REFERENCES libraries(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    address TEXT,
    phone TEXT,
    -- NULL once the contact person deleted their account, until staff name a new one.
    contact_user_id TEXT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX organisations_library ON organisations(library_id, name);
CREATE INDEX organisations_contact ON organisations(contact_user_id);

CREATE TABLE programme_offers (
    id TEXT PRIMARY KEY NOT NULL,
    library_id TEXT NOT NULL REFERENCES libraries(id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    max_residents INTEGER,
    published BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX programme_offers_library ON programme_offers(library_id, created_at);

CREATE TABLE programme_times (
    id TEXT PRIMARY KEY NOT NULL,
    offer_id TEXT NOT NULL REFERENCES programme_offers(id),
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX programme_times_offer_start ON programme_times(offer_id, starts_at);

-- time_id is the offered time a live booking holds; it is cleared when the booking is cancelled or
-- staff propose another time, so the unique index lets each time be held by one booking at most.
CREATE TABLE programme_bookings (
    id TEXT PRIMARY KEY NOT NULL,
    offer_id TEXT NOT NULL REFERENCES programme_offers(id),
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    time_id TEXT REFERENCES programme_times(id),
    status TEXT NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    proposed_starts_at TIMESTAMP,
    message TEXT,
    residents INTEGER NOT NULL,
    equipment TEXT NOT NULL,
    onsite_contact_name TEXT NOT NULL,
    onsite_contact_phone TEXT NOT NULL,
    wishes TEXT,
    meeting_url TEXT,
    participants INTEGER,
    feedback TEXT,
    created_by TEXT REFERENCES users(id),
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX programme_bookings_time ON programme_bookings(time_id);
CREATE INDEX programme_bookings_organisation ON programme_bookings(organisation_id, starts_at);
CREATE INDEX programme_bookings_start ON programme_bookings(starts_at, id);
