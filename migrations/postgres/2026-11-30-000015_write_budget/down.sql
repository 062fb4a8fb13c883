DROP TABLE write_budget;
