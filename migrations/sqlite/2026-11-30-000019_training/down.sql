DROP TABLE training_confidence;
DROP TABLE competences;
DROP TABLE training_practices;
DROP TABLE training_ticks;
DROP TABLE training_module_services;
DROP TABLE training_modules;
