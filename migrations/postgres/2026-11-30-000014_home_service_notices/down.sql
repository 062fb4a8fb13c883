DROP TABLE home_service_notices;
