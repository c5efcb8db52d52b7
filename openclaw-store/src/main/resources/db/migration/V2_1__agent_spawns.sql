-- Sub-agent states (issue 3, seed 002 spawn). Portable across SQLite and PostgreSQL.
CREATE TABLE agent_spawns (
    id                VARCHAR(64)  PRIMARY KEY,
    task              TEXT         NOT NULL,
    model             TEXT,
    skills            TEXT         NOT NULL DEFAULT '[]',
    status            VARCHAR(16)  NOT NULL,
    result            TEXT,
    error             TEXT,
    owner             VARCHAR(128) NOT NULL,
    parent_session_id VARCHAR(128),
    depth             INTEGER      NOT NULL,
    timeout_ms        BIGINT       NOT NULL,
    created_at        BIGINT       NOT NULL,
    completed_at      BIGINT
);
CREATE INDEX agent_spawns_owner ON agent_spawns (owner, created_at);
