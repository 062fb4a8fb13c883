-- The scenario each library works in now (normal times when it has no row), with the notice its
-- patrons are shown, when it was set and by whom.
CREATE TABLE library_scenarios (
    library_id TEXT PRIMARY KEY NOT NULL REFERENCES libraries(id),
    scenario TEXT NOT NULL,
    notice TEXT,
    since TIMESTAMP NOT NULL,
    set_by TEXT REFERENCES users(id) ON DELETE SET NULL
);
