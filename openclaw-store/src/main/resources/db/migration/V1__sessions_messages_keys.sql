-- Portable across SQLite and PostgreSQL: times are epoch milliseconds, JSON is text.
CREATE TABLE sessions (
    id            VARCHAR(128) PRIMARY KEY,
    label         TEXT,
    agent_id      VARCHAR(128) NOT NULL,
    model         TEXT,
    owner         VARCHAR(128) NOT NULL,
    created_at    BIGINT       NOT NULL,
    updated_at    BIGINT       NOT NULL,
    expires_at    BIGINT,
    message_count BIGINT       NOT NULL DEFAULT 0,
    total_tokens  BIGINT       NOT NULL DEFAULT 0,
    context       TEXT         NOT NULL DEFAULT '{}'
);
CREATE INDEX sessions_owner_updated ON sessions (owner, updated_at);
CREATE INDEX sessions_updated ON sessions (updated_at);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE messages (
    session_id    VARCHAR(128) NOT NULL,
    seq           BIGINT       NOT NULL,
    id            VARCHAR(64)  NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    content       TEXT         NOT NULL,
    type          VARCHAR(32)  NOT NULL,
    model         TEXT,
    input_tokens  INTEGER      NOT NULL DEFAULT 0,
    output_tokens INTEGER      NOT NULL DEFAULT 0,
    created_at    BIGINT       NOT NULL,
    PRIMARY KEY (session_id, seq)
);
CREATE UNIQUE INDEX messages_id ON messages (id);

CREATE TABLE api_keys (
    id           VARCHAR(64)  PRIMARY KEY,
    name         VARCHAR(64)  NOT NULL,
    prefix       VARCHAR(32)  NOT NULL,
    hash         VARCHAR(64)  NOT NULL,
    scopes       TEXT         NOT NULL,
    plan         VARCHAR(32)  NOT NULL,
    created_at   BIGINT       NOT NULL,
    last_used_at BIGINT,
    expires_at   BIGINT,
    revoked_at   BIGINT
);
CREATE UNIQUE INDEX api_keys_hash ON api_keys (hash);
