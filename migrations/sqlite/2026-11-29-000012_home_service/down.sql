DROP TABLE home_service_clients;
DROP TABLE home_service_applications;
DROP TABLE home_service_staff;
