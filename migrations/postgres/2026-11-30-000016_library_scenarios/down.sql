DROP TABLE library_scenarios;
