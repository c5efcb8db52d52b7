-- Long-term memory (issue 4). The database is the source of truth; the Lucene index is rebuilt from it.
-- owner NULL = shared (workspace files). tags = JSON array text. embedding = base64 of little-endian float32.
CREATE TABLE memories (
    id              VARCHAR(64)  PRIMARY KEY,
    content         TEXT         NOT NULL,
    tags            TEXT         NOT NULL DEFAULT '[]',
    type            VARCHAR(16)  NOT NULL,
    source          VARCHAR(512) NOT NULL,
    owner           VARCHAR(128),
    agent_id        VARCHAR(128) NOT NULL,
    user_id         VARCHAR(128),
    session_id      VARCHAR(128),
    created_at      BIGINT       NOT NULL,
    updated_at      BIGINT       NOT NULL,
    expires_at      BIGINT,
    embedding_model VARCHAR(64)  NOT NULL,
    embedding_dim   INTEGER      NOT NULL,
    embedding       TEXT         NOT NULL
);
CREATE INDEX memories_owner_created ON memories (owner, created_at);
CREATE INDEX memories_created ON memories (created_at);
CREATE INDEX memories_source ON memories (source);
CREATE INDEX memories_expires ON memories (expires_at);

CREATE TABLE memory_sources (
    source     VARCHAR(512) PRIMARY KEY,
    hash       VARCHAR(128) NOT NULL,
    indexed_at BIGINT       NOT NULL
);
