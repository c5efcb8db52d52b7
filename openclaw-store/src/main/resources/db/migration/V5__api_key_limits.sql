-- Access control (issue 6): per-key overrides of the plan's rate limits, as JSON text
-- ({"requests_per_minute": 120, "burst": 20, ...}); NULL means the plan's defaults.
ALTER TABLE api_keys ADD COLUMN limits TEXT;
CREATE INDEX api_keys_name ON api_keys (name);
