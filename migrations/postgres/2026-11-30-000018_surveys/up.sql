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

-- One row a response. `respondent` is a hash of the survey and the signed-in person's account, so
-- a person answers once without the answer naming the account; empty for guests and for answers
-- staff enter from paper or phone (`entered_by`). Answers are a JSON array of {question, choices,
-- other, number, text}. Contact details only where the survey asks for them.
CREATE TABLE survey_responses (
    id TEXT PRIMARY KEY NOT NULL,
    survey_id TEXT NOT NULL REFERENCES surveys(id),
    submitted_at TIMESTAMP NOT NULL,
    source TEXT NOT NULL,
    respondent TEXT,
    entered_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    language TEXT NOT NULL,
    contact_name TEXT,
    contact_email TEXT,
    contact_phone TEXT,
    answers TEXT NOT NULL
);
CREATE UNIQUE INDEX survey_responses_once ON survey_responses (survey_id, respondent);
CREATE INDEX survey_responses_survey ON survey_responses (survey_id, submitted_at);
