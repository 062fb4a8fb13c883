-- Home-service visits and the items brought. Visits are planned ahead from each client's frequency
-- and best days (planned_by = 'schedule'); a visit staff add or change is theirs ('staff') and is
-- never replanned. One visit a client a day. Deliverers are kept by id and name, without a foreign
-- key: removing an account never removes the history that names it. client_id has no foreign key
-- either: when a client's data is erased the visits stay as counts.
-- Volunteers who bring materials: not staff; they see only their own rounds and record how their
-- visits went.
CREATE TABLE home_service_volunteers (
    library_id TEXT NOT NULL REFERENCES libraries(id),
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    granted_at TIMESTAMP NOT NULL,
    PRIMARY KEY (library_id, user_id)
);

CREATE TABLE home_service_visits (
    id TEXT PRIMARY KEY NOT NULL,
    library_id TEXT NOT NULL REFERENCES libraries(id),
    client_id TEXT NOT NULL,
    day TEXT NOT NULL,
    status TEXT NOT NULL,
    planned_by TEXT NOT NULL,
    deliverer_id TEXT,
    deliverer_name TEXT,
    note TEXT,
    feedback TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT
);
CREATE UNIQUE INDEX home_service_visits_client_day ON home_service_visits(client_id, day);
CREATE INDEX home_service_visits_library_day ON home_service_visits(library_id, day);

CREATE TABLE home_service_items (
    id TEXT PRIMARY KEY NOT NULL,
    visit_id TEXT NOT NULL REFERENCES home_service_visits(id) ON DELETE CASCADE,
    client_id TEXT NOT NULL,
    title TEXT NOT NULL,
    author TEXT,
    format TEXT NOT NULL,
    identifier TEXT,
    -- Lowercased title and author (or the identifier): how a repeat is recognised.
    match_key TEXT NOT NULL,
    returned_visit_id TEXT,
    returned_on TEXT,
    chosen_by TEXT,
    chosen_at TIMESTAMP NOT NULL
);
CREATE INDEX home_service_items_visit ON home_service_items(visit_id);
CREATE INDEX home_service_items_client ON home_service_items(client_id, match_key);

-- When a client whose data was erased had become a client: counts for the figures, nothing more.
CREATE TABLE home_service_erased_clients (
    id TEXT PRIMARY KEY NOT NULL,
    library_id TEXT NOT NULL REFERENCES libraries(id),
    became_client_at TIMESTAMP NOT NULL,
    erased_at TIMESTAMP NOT NULL
);
