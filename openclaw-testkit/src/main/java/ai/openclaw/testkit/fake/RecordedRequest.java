package ai.openclaw.testkit.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request as the {@link FakeProvider} received it.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path the request path without the query string, e.g. {@code /v1/chat/completions}
 * @param headers the request headers with lower-cased names; repeated headers are joined with {@code ", "}
 * @param body the request body decoded as UTF-8 (empty when there was none)
 */
public record RecordedRequest(String method, String path, Map<String, String> headers, String body) {

    /** Validates the components and makes the header map an immutable copy with lower-cased names. */
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headers, "headers");
        body = body == null ? "" : body;
        Map<String, String> lower = new HashMap<>();
        headers.forEach((name, value) -> lower.merge(
                name.toLowerCase(Locale.ROOT), value == null ? "" : value, (a, b) -> a + ", " + b));
        headers = Map.copyOf(lower);
    }

    /**
     * Returns the body parsed as JSON.
     *
     * @return the parsed body, or a {@link MissingNode} when the body is empty
     * @throws IllegalStateException if the body is not valid JSON
     */
    public JsonNode json() {
        if (body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request body is not valid JSON: " + body, e);
        }
    }

    /** Returns the value of the named header (any case), or null when the request had none. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
