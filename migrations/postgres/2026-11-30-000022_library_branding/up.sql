-- A library's branding on a shared instance: its colour (the header and buttons; white text on it
-- must reach a contrast of 4.5:1, checked when it is set) and its logo (PNG, JPEG or WebP, kept here
-- and served from this origin, so the Content-Security-Policy stays closed).
CREATE TABLE library_branding (
    library_id TEXT PRIMARY KEY NOT NULL REFERENCES libraries(id),
    brand_color TEXT,
    logo BYTEA,
    logo_type TEXT,
    logo_hash TEXT,
    updated_at TIMESTAMP NOT NULL
);
