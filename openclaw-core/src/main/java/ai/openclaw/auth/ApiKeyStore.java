package ai.openclaw.auth;

import ai.openclaw.error.OpenClawException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The persistence port for API keys. */
public interface ApiKeyStore {
    /**
     * Stores a new key.
     *
     * @throws OpenClawException CONFLICT if a key with the same name exists
     */
    void insert(ApiKey key);

    /** The key with this secret hash, or empty. */
    Optional<ApiKey> findByHash(String hash);

    /** Every key, newest first. */
    List<ApiKey> list();

    /** Marks the key revoked at {@code at}; false if no key has this id. */
    boolean revoke(String id, Instant at);

    /** Records that the key authenticated a request at {@code at}. */
    void touch(String id, Instant at);

    /** Sets a key's plan and limit overrides; false if no key has this id. */
    boolean updateLimits(String id, String plan, KeyLimits limits);
}
