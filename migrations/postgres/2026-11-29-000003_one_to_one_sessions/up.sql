-- Bookable one-to-one sessions: session types, who delivers them, when staff are available,
-- library closing days, and the bookings themselves.
CREATE TABLE services (
    id TEXT PRIMARY KEY NOT NULL,
    library_id TEXT NOT NULL REFERENCES libraries(id) ON DELETE CASCADE,
    name_fi TEXT NOT NULL,
    name_sv TEXT NOT NULL,
    name_en TEXT NOT NULL,
    description_fi TEXT NOT NULL,
    description_sv TEXT NOT NULL,
    description_en TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 240),
    modes TEXT NOT NULL,
    buffer_before_minutes INTEGER NOT NULL DEFAULT 0,
    buffer_after_minutes INTEGER NOT NULL DEFAULT 0,
    min_notice_minutes INTEGER NOT NULL DEFAULT 0,
    booking_window_days INTEGER NOT NULL,
    cancellation_cutoff_minutes INTEGER NOT NULL DEFAULT 0,
    questions TEXT NOT NULL,
    ground_rules TEXT,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX services_library ON services(library_id);

CREATE TABLE service_staff (
    service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    staff_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (service_id, staff_id)
);

-- Weekly availability in the library's time zone (wall-clock minutes from midnight).
CREATE TABLE availability_weekly (
    id TEXT PRIMARY KEY NOT NULL,
    library_id TEXT NOT NULL REFERENCES libraries(id) ON DELETE CASCADE,
    staff_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
    CHECK (end_minute > start_minute)
);
CREATE INDEX availability_weekly_staff ON availability_weekly(library_id, staff_id);

CREATE TABLE availability_exceptions (
    id TEXT PRIMARY KEY NOT NULL,
    library_id TEXT NOT NULL REFERENCES libraries(id) ON DELETE CASCADE,
    staff_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    available BOOLEAN NOT NULL,
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
    CHECK (end_minute > start_minute)
);
CREATE INDEX availability_exceptions_staff ON availability_exceptions(library_id, staff_id, day);

CREATE TABLE library_closures (
    library_id TEXT NOT NULL REFERENCES libraries(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (library_id, day)
);

-- A booking holds its staff member from blocked_from to blocked_until (buffers included); no two
-- live bookings of one staff member may overlap there. Writers lock the staff member first.
CREATE TABLE bookings (
    id TEXT PRIMARY KEY NOT NULL,
    library_id TEXT NOT NULL REFERENCES libraries(id) ON DELETE CASCADE,
    service_id TEXT NOT NULL REFERENCES services(id),
    staff_id TEXT NOT NULL REFERENCES users(id),
    patron_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    guest_name TEXT,
    guest_email TEXT,
    guest_phone TEXT,
    manage_token_hash TEXT UNIQUE,
    mode TEXT NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    blocked_from TIMESTAMP NOT NULL,
    blocked_until TIMESTAMP NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'cancelled', 'held', 'no_show')),
    answers TEXT NOT NULL,
    meeting_room TEXT,
    language TEXT NOT NULL,
    booked_by_staff_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    internal_note TEXT,
    created_at TIMESTAMP NOT NULL,
    cancelled_at TIMESTAMP
);
CREATE INDEX bookings_staff_time ON bookings(staff_id, blocked_from);
CREATE INDEX bookings_patron ON bookings(patron_id);
CREATE INDEX bookings_library_time ON bookings(library_id, starts_at);
