-- One number that changes whenever anything a slot listing reads changes: the server caches slot
-- listings under it, so a cached listing is never served after a write (on any server process).
-- Every table that the slot computation reads must be listed here.
CREATE TABLE calendar_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO calendar_generation (id, value) VALUES (1, 0);
CREATE TRIGGER services_insert_bumps_calendar AFTER INSERT ON services
BEGIN
    UPDATE calendar_generation SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER services_update_bumps_calendar AFTER UPDATE ON services
BEGIN
    UPDATE calendar_generation SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER services_delete_bumps_calendar AFTER DELETE ON services
BEGIN
    UPDATE calendar_generation SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER service_staff_insert_bumps_calendar AFTER INSERT ON service_staff
BEGIN
    UPDATE calendar_generation SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER service_staff_update_bumps_calendar AFTER UPDATE ON service_staff
BEGIN
    UPDATE calendar_generation SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER service_staff_delete_bumps_calendar AFTER DELETE ON service_staff
BEGIN
    UPDATE calendar_generation SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER availability_weekly_insert_bumps_calendar AFTER INSERT ON availability_weekly
BEGIN
    UPDATE calendar_generation SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER availability_weekly_update_bumps_calendar AFTER UPDATE ON availability_weekly
BEGIN
    UPDATE calendar_generation SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER availability_weekly_delete_bumps_calendar AFTER DELETE ON availability_weekly
BEGIN
    UPDATE calendar_generation SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER availability_exceptions_insert_bumps_calendar AFTER INSERT ON availability_exceptions
BEGIN
    UPDATE calendar_generation SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER availability_exceptions_update_bumps_calendar AFTER UPDATE ON availability_exceptions
BEGIN
    UPDATE calendar_generation SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER availability_exceptions_delete_bumps_calendar AFTER DELETE ON availability_exceptions
BEGIN
    UPDATE calendar_generation SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER library_closures_insert_bumps_calendar AFTER INSERT ON library_closures
BEGIN
    UPDATE calendar_generation SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER library_closures_update_bumps_calendar AFTER UPDATE ON library_closures
BEGIN
    UPDATE calendar_generation SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER library_closures_delete_bumps_calendar AFTER DELETE ON library_closures
BEGIN
    UPDATE calendar_generation SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER bookings_insert_bumps_calendar AFTER INSERT ON bookings
BEGIN
    UPDATE calendar_generation SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER bookings_update_bumps_calendar AFTER UPDATE ON bookings
BEGIN
    UPDATE calendar_generation SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER bookings_delete_bumps_calendar AFTER DELETE ON bookings
BEGIN
    UPDATE calendar_generation SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER libraries_insert_bumps_calendar AFTER INSERT ON libraries
BEGIN
    UPDATE calendar_generation SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER libraries_update_bumps_calendar AFTER UPDATE ON libraries
BEGIN
    UPDATE calendar_generation SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER libraries_delete_bumps_calendar AFTER DELETE ON libraries
BEGIN
    UPDATE calendar_generation SET value = value + 1 WHERE id = 1;
END;
