DROP TABLE survey_respondents;
DROP TABLE survey_responses;
DROP TABLE surveys;
