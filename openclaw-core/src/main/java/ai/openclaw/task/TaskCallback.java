package ai.openclaw.task;

import java.util.Map;
import java.util.Objects;

/**
 * Where a finished task's outcome is POSTed (seed 003 {@code callback}), signed like webhooks.
 *
 * @param url the http(s) URL
 * @param headers extra request headers
 * @param secret the signing secret (given by the caller or generated and returned once at creation)
 */
public record TaskCallback(String url, Map<String, String> headers, String secret) {
    /** Validates and copies. */
    public TaskCallback {
        Objects.requireNonNull(url, "url");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        Objects.requireNonNull(secret, "secret");
    }
}
