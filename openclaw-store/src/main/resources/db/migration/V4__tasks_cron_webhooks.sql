-- Background work (issue 5): webhooks + delivery outbox, tasks, cron jobs + runs, db-scheduler's table.
-- Portable across SQLite and PostgreSQL: times are epoch milliseconds, JSON is text, flags are SMALLINT 0/1.
CREATE TABLE webhook_endpoints (
    id              VARCHAR(64)  PRIMARY KEY,
    url             TEXT         NOT NULL,
    events          TEXT         NOT NULL,
    secret          TEXT         NOT NULL,
    owner           VARCHAR(128) NOT NULL,
    enabled         SMALLINT     NOT NULL,
    disabled_reason TEXT,
    created_at      BIGINT       NOT NULL
);
CREATE INDEX webhook_endpoints_owner ON webhook_endpoints (owner, created_at);

-- The outbox: one row per (event, endpoint) or task callback; id is the stable webhook-id.
CREATE TABLE webhook_deliveries (
    id              VARCHAR(64)  PRIMARY KEY,
    endpoint_id     VARCHAR(64),
    url             TEXT         NOT NULL,
    secret          TEXT,
    headers         TEXT         NOT NULL DEFAULT '{}',
    event           VARCHAR(64)  NOT NULL,
    body            TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at BIGINT       NOT NULL,
    last_status     INTEGER,
    last_error      TEXT,
    created_at      BIGINT       NOT NULL,
    updated_at      BIGINT       NOT NULL,
    delivered_at    BIGINT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at);

CREATE TABLE tasks (
    id               VARCHAR(64)  PRIMARY KEY,
    name             TEXT         NOT NULL,
    type             VARCHAR(64)  NOT NULL,
    parameters       TEXT         NOT NULL,
    priority         INTEGER      NOT NULL,
    timeout_seconds  INTEGER,
    status           VARCHAR(16)  NOT NULL,
    progress         INTEGER      NOT NULL DEFAULT 0,
    result           TEXT,
    error            TEXT,
    callback_url     TEXT,
    callback_headers TEXT,
    callback_secret  TEXT,
    owner            VARCHAR(128) NOT NULL,
    attempts         INTEGER      NOT NULL DEFAULT 0,
    created_at       BIGINT       NOT NULL,
    updated_at       BIGINT       NOT NULL,
    started_at       BIGINT,
    completed_at     BIGINT
);
CREATE INDEX tasks_queue ON tasks (status, priority, created_at);
CREATE INDEX tasks_owner ON tasks (owner, created_at);

CREATE TABLE cron_jobs (
    id             VARCHAR(64)  PRIMARY KEY,
    name           TEXT         NOT NULL,
    owner          VARCHAR(128) NOT NULL,
    schedule       TEXT         NOT NULL,
    payload        TEXT         NOT NULL,
    session_target TEXT,
    enabled        SMALLINT     NOT NULL,
    created_at     BIGINT       NOT NULL,
    updated_at     BIGINT       NOT NULL
);

-- One row per run; the unique (job_id, scheduled_for) makes a scheduled slot fire at most once.
CREATE TABLE cron_runs (
    id            VARCHAR(64)  PRIMARY KEY,
    job_id        VARCHAR(64)  NOT NULL,
    trigger_kind  VARCHAR(16)  NOT NULL,
    scheduled_for BIGINT,
    started_at    BIGINT       NOT NULL,
    ended_at      BIGINT,
    status        VARCHAR(16)  NOT NULL,
    output        TEXT,
    error         TEXT
);
CREATE UNIQUE INDEX cron_runs_slot ON cron_runs (job_id, scheduled_for);
CREATE INDEX cron_runs_job ON cron_runs (job_id, started_at);

-- db-scheduler 16's table (its PostgreSQL schema; SQLite accepts the same type names).
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_time ON scheduled_tasks (priority DESC, execution_time ASC);
