-- How many public writes one source (an address and a kind of write) has made in its current
-- window: floods of anonymous bookings, registrations, applications and accounts are held back.
CREATE TABLE write_budget (
    key TEXT PRIMARY KEY NOT NULL,
    window_start TIMESTAMP NOT NULL,
    count INTEGER NOT NULL
);
