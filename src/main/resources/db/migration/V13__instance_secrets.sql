-- Secrets that every instance sharing this database must hold alike, such as the key that turns
-- user ids into pseudonyms (otherwise two instances would log one person under two pseudonyms).
-- The first instance to start creates a secret; the others read it. Base64 text, so the column is
-- the same type in H2 and PostgreSQL.
CREATE TABLE instance_secrets (
  name        VARCHAR(100)  NOT NULL PRIMARY KEY,
  secret      VARCHAR(200)  NOT NULL,
  origin      VARCHAR(200)  NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
