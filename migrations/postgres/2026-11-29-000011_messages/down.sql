DROP TABLE message_preferences;
DROP TABLE message_templates;
DROP TABLE messages;
