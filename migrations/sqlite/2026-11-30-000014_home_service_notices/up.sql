-- The day-before notices of home visits and rounds already written, one row each
-- ('visit:<visit id>:<day>', 'round:<deliverer id>:<day>'): the claim that makes each go once even
-- when several server processes look for them at the same time. No personal data.
CREATE TABLE home_service_notices (
    key TEXT PRIMARY KEY NOT NULL,
    created_at TIMESTAMP NOT NULL
);
