DROP TABLE home_service_erased_clients;
DROP TABLE home_service_items;
DROP TABLE home_service_visits;
DROP TABLE home_service_volunteers;
