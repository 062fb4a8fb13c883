DROP TABLE api_client_calls;
DROP TABLE api_client_tokens;
DROP TABLE api_clients;
