DROP TABLE home_service_items;
DROP TABLE home_service_visits;
