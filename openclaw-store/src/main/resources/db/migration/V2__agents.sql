-- Agents (issue 3, seed 003 "Agent 配置"). Portable across SQLite and PostgreSQL: epoch-millis times, JSON as text.
CREATE TABLE agents (
    id             VARCHAR(128) PRIMARY KEY,
    name           TEXT         NOT NULL,
    description    TEXT,
    model          TEXT,
    system_prompt  TEXT,
    skills         TEXT         NOT NULL DEFAULT '[]',
    temperature    DOUBLE PRECISION,
    max_tokens     INTEGER,
    memory_enabled INTEGER      NOT NULL DEFAULT 1,
    workspace      TEXT,
    created_at     BIGINT       NOT NULL,
    updated_at     BIGINT       NOT NULL
);
CREATE INDEX agents_created ON agents (created_at);
