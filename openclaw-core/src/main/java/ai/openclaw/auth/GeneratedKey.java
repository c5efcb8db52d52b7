package ai.openclaw.auth;

import java.util.Objects;

/**
 * A newly generated API key: the stored record and the secret, which is shown once and never stored.
 *
 * @param key the stored record
 * @param secret the full key, {@code oc_api_sk_…}
 */
public record GeneratedKey(ApiKey key, String secret) {
    /** Validates both parts. */
    public GeneratedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }
}
