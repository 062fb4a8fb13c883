-- The home-delivery service (kotipalvelu). Only staff named in home_service_staff see its data.
-- Lists (reasons, formats, days) are stored as JSON arrays of their wire names; why someone cannot
-- visit is a category, never free text. Staff columns have no foreign key: removing a staff
-- member's account never removes the history that names them.
CREATE TABLE home_service_staff (
    library_id TEXT NOT NULL REFERENCES libraries(id),
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    granted_at TIMESTAMP NOT NULL,
    PRIMARY KEY (library_id, user_id)
);

CREATE TABLE home_service_applications (
    id TEXT PRIMARY KEY NOT NULL,
    library_id TEXT NOT NULL REFERENCES libraries(id),
    status TEXT NOT NULL,
    relation TEXT NOT NULL,
    applicant_name TEXT,
    applicant_phone TEXT,
    applicant_email TEXT,
    name TEXT NOT NULL,
    street_address TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    city TEXT NOT NULL,
    phone TEXT NOT NULL,
    reasons TEXT NOT NULL,
    temporary_until TEXT,
    formats TEXT NOT NULL,
    interests TEXT,
    avoid TEXT,
    frequency TEXT NOT NULL,
    days TEXT NOT NULL,
    day_part TEXT NOT NULL,
    visit_notes TEXT,
    language TEXT NOT NULL,
    consent_text TEXT NOT NULL,
    submitted_at TIMESTAMP NOT NULL,
    decided_at TIMESTAMP,
    decided_by TEXT,
    decline_reason TEXT,
    client_id TEXT
);
CREATE INDEX home_service_applications_queue ON home_service_applications(library_id, status, submitted_at);

CREATE TABLE home_service_clients (
    id TEXT PRIMARY KEY NOT NULL,
    library_id TEXT NOT NULL REFERENCES libraries(id),
    application_id TEXT NOT NULL,
    status TEXT NOT NULL,
    paused_from TEXT,
    paused_until TEXT,
    name TEXT NOT NULL,
    street_address TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    city TEXT NOT NULL,
    phone TEXT NOT NULL,
    reasons TEXT NOT NULL,
    temporary_until TEXT,
    formats TEXT NOT NULL,
    interests TEXT,
    avoid TEXT,
    frequency TEXT NOT NULL,
    days TEXT NOT NULL,
    day_part TEXT NOT NULL,
    visit_notes TEXT,
    language TEXT NOT NULL,
    -- The chooser and deliverer by id and by name: the name stays in the history if the account goes.
    chooser_id TEXT,
    chooser_name TEXT,
    deliverer_id TEXT,
    deliverer_name TEXT,
    contact_name TEXT,
    contact_phone TEXT,
    contact_email TEXT,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX home_service_clients_library ON home_service_clients(library_id, status, name);
