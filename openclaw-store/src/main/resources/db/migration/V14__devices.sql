-- WebSocket gateway protocol (issue 14): client devices (Ed25519 identities) and their pairing state.
-- A row with status 'pending' is a pairing request; 'paired' devices get device tokens (derived, never stored).
CREATE TABLE devices (
    id             TEXT PRIMARY KEY,
    public_key     TEXT NOT NULL,
    owner_id       TEXT NOT NULL,
    client_id      TEXT,
    client_mode    TEXT,
    platform       TEXT,
    role           TEXT NOT NULL,
    scopes         TEXT NOT NULL,
    status         TEXT NOT NULL,
    request_id     TEXT NOT NULL,
    remote_address TEXT,
    generation     INTEGER NOT NULL,
    created_at     BIGINT NOT NULL,
    approved_at    BIGINT,
    last_seen_at   BIGINT NOT NULL
);
CREATE INDEX devices_request_id ON devices (request_id);
