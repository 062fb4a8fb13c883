-- Operating models ("guides"): how each remote service works, in Markdown, openly licensed. The
-- variants per scenario are a JSON array of {scenario, text}. A copy names its sources for attribution:
-- a JSON array of {guide_id, library, library_name, title, version, licence}, the one copied first,
-- then the one that was copied from, and so on.
CREATE TABLE guides (
    id TEXT PRIMARY KEY NOT NULL,
    library_id TEXT NOT NULL REFERENCES libraries(id),
    service TEXT NOT NULL,
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    purpose TEXT NOT NULL,
    audience TEXT NOT NULL,
    steps TEXT NOT NULL,
    roles TEXT NOT NULL,
    equipment TEXT NOT NULL,
    how_to_get TEXT NOT NULL,
    variants TEXT NOT NULL,
    licence TEXT NOT NULL,
    published BOOLEAN NOT NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    sources TEXT NOT NULL
);
CREATE INDEX guides_library ON guides (library_id, service, title);

-- Every saved version of a model, as the whole input written then, with who saved it and why;
-- `published` says whether that version was public, so a draft's versions stay the staff's.
CREATE TABLE guide_revisions (
    guide_id TEXT NOT NULL REFERENCES guides(id),
    version INTEGER NOT NULL,
    content TEXT NOT NULL,
    note TEXT NOT NULL,
    edited_at TIMESTAMP NOT NULL,
    edited_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    edited_by_name TEXT NOT NULL,
    published BOOLEAN NOT NULL,
    PRIMARY KEY (guide_id, version)
);
