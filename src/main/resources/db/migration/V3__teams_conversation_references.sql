-- Teams conversation references: where the bot may post without being asked (reminders,
-- broadcasts). One row per conversation (personal chat, group chat or channel; a channel thread
-- is stored as its channel). Written when the bot is installed or spoken to, deleted when it is
-- removed. reference_json is the Bot Framework ConversationReference as JSON.
CREATE TABLE teams_conversation_reference (
  conversation_id   VARCHAR(500)   PRIMARY KEY,
  conversation_type VARCHAR(20)    NOT NULL,
  tenant_id         VARCHAR(100),
  team_id           VARCHAR(500),
  service_url       VARCHAR(1000)  NOT NULL,
  reference_json    VARCHAR(20000) NOT NULL,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX teams_conversation_reference_team ON teams_conversation_reference (team_id);
