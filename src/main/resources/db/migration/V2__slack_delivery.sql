-- Slack deliveries already taken on (event ids, channel:ts of messages), so that Slack's retries
-- are answered once across instances. Rows older than an hour are deleted by the adapter.
CREATE TABLE slack_delivery (
  delivery_key VARCHAR(200) PRIMARY KEY,
  seen_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX slack_delivery_seen_at ON slack_delivery (seen_at);
