-- Staff training: modules (title and body JSON {fi, sv, en}, the body Markdown; the checklist a JSON
-- array of {key, text}), the session types each module is required for, the items each staff member
-- has ticked, practice sessions with a colleague, admins' sign-offs (the competence matrix) and
-- each person's own confidence per session type before and after training.
CREATE TABLE training_modules (
    id TEXT PRIMARY KEY NOT NULL,
    library_id TEXT NOT NULL REFERENCES libraries(id),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    items TEXT NOT NULL,
    practice BOOLEAN NOT NULL,
    position INTEGER NOT NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX training_modules_library ON training_modules (library_id, position);

CREATE TABLE training_module_services (
    module_id TEXT NOT NULL REFERENCES training_modules(id),
    service_id TEXT NOT NULL REFERENCES services(id),
    PRIMARY KEY (module_id, service_id)
);
CREATE INDEX training_module_services_service ON training_module_services (service_id);

CREATE TABLE training_ticks (
    module_id TEXT NOT NULL REFERENCES training_modules(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    item_key TEXT NOT NULL,
    done_at TIMESTAMP NOT NULL,
    PRIMARY KEY (module_id, user_id, item_key)
);
CREATE INDEX training_ticks_user ON training_ticks (user_id);

-- A practice session: the trainee runs the module's session with a colleague playing the patron.
-- `booked` → `held` (counts for the module) or `cancelled`; who recorded it and when. The colleague
-- is NULL once their account is deleted (the practice still counts for the trainee).
CREATE TABLE training_practices (
    id TEXT PRIMARY KEY NOT NULL,
    module_id TEXT NOT NULL REFERENCES training_modules(id),
    trainee_id TEXT NOT NULL REFERENCES users(id),
    colleague_id TEXT REFERENCES users(id),
    starts_at TIMESTAMP NOT NULL,
    state TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    recorded_at TIMESTAMP,
    recorded_by TEXT
);
CREATE INDEX training_practices_trainee ON training_practices (trainee_id, module_id);
CREATE INDEX training_practices_colleague ON training_practices (colleague_id);

-- An admin's sign-off that a staff member is competent to deliver a session type; once a session
-- type has a required module, only signed-off staff are offered in its bookable times.
-- `signed_off_by` is the admin's account id, '' once that account is deleted.
CREATE TABLE competences (
    service_id TEXT NOT NULL REFERENCES services(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    signed_off_by TEXT NOT NULL,
    signed_off_at TIMESTAMP NOT NULL,
    PRIMARY KEY (service_id, user_id)
);
CREATE INDEX competences_user ON competences (user_id);

-- How confident a staff member feels delivering a session type (1–5), before and after training.
CREATE TABLE training_confidence (
    user_id TEXT NOT NULL REFERENCES users(id),
    service_id TEXT NOT NULL REFERENCES services(id),
    phase TEXT NOT NULL,
    rating INTEGER NOT NULL,
    rated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (user_id, service_id, phase)
);

-- The slot listing reads the required modules and the sign-offs: they move the calendar generation.
CREATE CONSTRAINT TRIGGER training_module_services_bumps_calendar AFTER INSERT OR UPDATE OR DELETE ON training_module_services
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_calendar_generation();
CREATE CONSTRAINT TRIGGER competences_bumps_calendar AFTER INSERT OR UPDATE OR DELETE ON competences
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_calendar_generation();
