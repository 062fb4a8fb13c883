-- Needs surveys. Title and intro are JSON {fi, sv, en}; the questions a JSON array of
-- {id, kind, text, help, required, options, other, min, max}. Days are the library's dates.
CREATE TABLE surveys (
    id TEXT PRIMARY KEY NOT NULL,
    library_id TEXT NOT NULL REFERENCES libraries(id),
    title TEXT NOT NULL,
    intro TEXT NOT NULL,
    audience TEXT NOT NULL,
    contact TEXT NOT NULL,
    opens_on TEXT NOT NULL,
    closes_on TEXT,
    published BOOLEAN NOT NULL,
    questions TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX surveys_library ON surveys (library_id, opens_on);

-- One row a response, naming no account: answers staff enter from paper or phone name who entered
-- them (`entered_by`). Answers are a JSON array of {question, choices, other, number, text}.
-- Contact details only where the survey asks for them.
CREATE TABLE survey_responses (
    id TEXT PRIMARY KEY NOT NULL,
    survey_id TEXT NOT NULL REFERENCES surveys(id),
    submitted_at TIMESTAMP NOT NULL,
    source TEXT NOT NULL,
    entered_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    language TEXT NOT NULL,
    contact_name TEXT,
    contact_email TEXT,
    contact_phone TEXT,
    answers TEXT NOT NULL
);
CREATE INDEX survey_responses_survey ON survey_responses (survey_id, submitted_at);

-- Who has answered a survey: a SHA-256 of the survey and the signed-in person's account, written in
-- the transaction that stores their answer but not linked to it, so a person answers once and the
-- answer still does not name them.
CREATE TABLE survey_respondents (
    survey_id TEXT NOT NULL REFERENCES surveys(id),
    respondent TEXT NOT NULL,
    PRIMARY KEY (survey_id, respondent)
);
