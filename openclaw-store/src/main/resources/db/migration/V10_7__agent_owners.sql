-- Issue 10, the owner model: every agent has an owner ('gateway' = the operator's agents, shared with every owner;
-- else the API key id). Agents stored before this migration become the operator's.
ALTER TABLE agents ADD COLUMN owner VARCHAR(128) NOT NULL DEFAULT 'gateway';
CREATE INDEX agents_owner ON agents (owner, created_at);
