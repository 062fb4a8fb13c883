DROP TRIGGER services_bumps_calendar ON services;
DROP TRIGGER service_staff_bumps_calendar ON service_staff;
DROP TRIGGER availability_weekly_bumps_calendar ON availability_weekly;
DROP TRIGGER availability_exceptions_bumps_calendar ON availability_exceptions;
DROP TRIGGER library_closures_bumps_calendar ON library_closures;
DROP TRIGGER bookings_bumps_calendar ON bookings;
DROP TRIGGER libraries_bumps_calendar ON libraries;
DROP FUNCTION bump_calendar_generation();
DROP TABLE calendar_generation;
