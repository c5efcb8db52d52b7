-- Stored files (issue 13, seed 003 /v2/files): metadata and extracted text; the bytes are in <state>/files/<id>.
CREATE TABLE files (
    id           VARCHAR(64)  PRIMARY KEY,
    owner        VARCHAR(128) NOT NULL,
    name         TEXT         NOT NULL,
    content_type VARCHAR(255) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    source_url   TEXT,
    text_chars   INTEGER      NOT NULL DEFAULT 0,
    text         TEXT,
    created_at   BIGINT       NOT NULL
);
CREATE INDEX files_owner_created ON files (owner, created_at);
CREATE INDEX files_created ON files (created_at);
