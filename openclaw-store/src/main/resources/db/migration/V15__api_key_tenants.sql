-- Issue 10, the owner model: keys sharing a tenant act as one owner (owner id 'tenant-<tenant>'); NULL means the
-- key is an owner of its own (owner id = the key id).
ALTER TABLE api_keys ADD COLUMN tenant VARCHAR(64);
CREATE INDEX api_keys_tenant ON api_keys (tenant);
