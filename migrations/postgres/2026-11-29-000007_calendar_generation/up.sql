-- One number that changes whenever anything a slot listing reads changes: the server caches slot
-- listings under it, so a cached listing is never served after a write (on any server process).
-- Every table that the slot computation reads must be listed here.
-- The trigger is a deferred constraint trigger: it bumps the number at commit, after every other lock
-- the transaction takes, so the one row it locks cannot join a deadlock, and is held only briefly.
CREATE TABLE calendar_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO calendar_generation (id, value) VALUES (1, 0);
CREATE FUNCTION bump_calendar_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE calendar_generation SET value = value + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER services_bumps_calendar AFTER INSERT OR UPDATE OR DELETE ON services
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_calendar_generation();
CREATE CONSTRAINT TRIGGER service_staff_bumps_calendar AFTER INSERT OR UPDATE OR DELETE ON service_staff
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_calendar_generation();
CREATE CONSTRAINT TRIGGER availability_weekly_bumps_calendar AFTER INSERT OR UPDATE OR DELETE ON availability_weekly
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_calendar_generation();
CREATE CONSTRAINT TRIGGER availability_exceptions_bumps_calendar AFTER INSERT OR UPDATE OR DELETE ON availability_exceptions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_calendar_generation();
CREATE CONSTRAINT TRIGGER library_closures_bumps_calendar AFTER INSERT OR UPDATE OR DELETE ON library_closures
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_calendar_generation();
CREATE CONSTRAINT TRIGGER bookings_bumps_calendar AFTER INSERT OR UPDATE OR DELETE ON bookings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_calendar_generation();
CREATE CONSTRAINT TRIGGER libraries_bumps_calendar AFTER INSERT OR UPDATE OR DELETE ON libraries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_calendar_generation();
