package ai.openclaw.auth;

import ai.openclaw.error.OpenClawException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-key overrides of a plan's rate limits (issue "Access control"); every field is optional (null keeps the plan's
 * value) and {@code 0} means unlimited. Stored as JSON with the snake_case names of {@code gateway.rate_limit}.
 *
 * @param requestsPerMinute sustained requests per minute (seed 002 {@code requests_per_minute}), or null
 * @param burst requests that may arrive at once (seed 002 {@code burst}), or null
 * @param requestsPerHour requests per hour (seed 000's hourly tiers), or null
 * @param concurrent requests in flight at once (seed 003), or null
 * @param batchSize operations in one batch request (seed 003), or null
 * @param tokensPerMinute model tokens (input + output) per minute (seed 004), or null
 * @param contextTokensPerMinute model input (context) tokens per minute (seed 004), or null
 * @param streams open SSE streams at once, or null
 */
public record KeyLimits(Long requestsPerMinute, Long burst, Long requestsPerHour, Long concurrent, Long batchSize,
                        Long tokensPerMinute, Long contextTokensPerMinute, Long streams) {
    /** No overrides. */
    public static final KeyLimits NONE = new KeyLimits(null, null, null, null, null, null, null, null);

    /** The snake_case field names, in order. */
    public static final String[] NAMES = {"requests_per_minute", "burst", "requests_per_hour", "concurrent",
        "batch_size", "tokens_per_minute", "context_tokens_per_minute", "streams"};

    /** The camelCase field names, in order (accepted on input, used in API output). */
    public static final String[] CAMEL_NAMES = {"requestsPerMinute", "burst", "requestsPerHour", "concurrent",
        "batchSize", "tokensPerMinute", "contextTokensPerMinute", "streams"};

    /** Validates that every present value is zero or positive. */
    public KeyLimits {
        Long[] all = {requestsPerMinute, burst, requestsPerHour, concurrent, batchSize, tokensPerMinute,
            contextTokensPerMinute, streams};
        for (int i = 0; i < all.length; i++) {
            if (all[i] != null && all[i] < 0) {
                throw OpenClawException.invalid("limit '" + NAMES[i] + "' must be 0 (unlimited) or positive, got "
                        + all[i]);
            }
        }
    }

    /** Whether no field is set. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The values in {@link #NAMES} order. */
    public Long[] values() {
        return new Long[] {requestsPerMinute, burst, requestsPerHour, concurrent, batchSize, tokensPerMinute,
            contextTokensPerMinute, streams};
    }

    /**
     * Reads overrides from a JSON object with snake_case or camelCase names.
     *
     * @param node the object, or null/missing for {@link #NONE}
     * @param path the field's name for error messages, e.g. {@code limits}
     * @throws OpenClawException INVALID_REQUEST naming the field for an unknown name or a value that is not a
     *     non-negative integer
     */
    public static KeyLimits fromJson(JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NONE;
        }
        if (!node.isObject()) {
            throw OpenClawException.invalid("field '" + path + "' must be an object");
        }
        Long[] v = new Long[NAMES.length];
        var it = node.fields();
        while (it.hasNext()) {
            var e = it.next();
            int i = index(e.getKey());
            if (i < 0) {
                throw OpenClawException.invalid("field '" + path + "." + e.getKey() + "' is not a known limit; known: "
                        + String.join(", ", NAMES));
            }
            JsonNode x = e.getValue();
            if (x.isNull()) {
                continue;
            }
            if (!x.isIntegralNumber() || !x.canConvertToLong() || x.longValue() < 0) {
                throw OpenClawException.invalid("field '" + path + "." + e.getKey()
                        + "' must be 0 (unlimited) or a positive integer");
            }
            v[i] = x.longValue();
        }
        return of(v);
    }

    /** Builds overrides from values in {@link #NAMES} order. */
    public static KeyLimits of(Long[] v) {
        return new KeyLimits(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    /** The set fields as a map with snake_case ({@code camel == false}) or camelCase names. */
    public Map<String, Long> toMap(boolean camel) {
        Map<String, Long> out = new LinkedHashMap<>();
        Long[] v = values();
        for (int i = 0; i < v.length; i++) {
            if (v[i] != null) {
                out.put(camel ? CAMEL_NAMES[i] : NAMES[i], v[i]);
            }
        }
        return out;
    }

    private static int index(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name) || CAMEL_NAMES[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
