DROP TABLE bookings;
DROP TABLE library_closures;
DROP TABLE availability_exceptions;
DROP TABLE availability_weekly;
DROP TABLE service_staff;
DROP TABLE services;
