DROP TABLE programme_bookings;
DROP TABLE programme_times;
DROP TABLE programme_offers;
DROP TABLE organisations;
