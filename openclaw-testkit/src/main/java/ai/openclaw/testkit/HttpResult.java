package ai.openclaw.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One HTTP response as a test sees it.
 *
 * @param status the status code
 * @param headers response headers, names lower-cased, first value of each
 * @param body the body as text
 */
public record HttpResult(int status, Map<String, String> headers, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the headers. */
    public HttpResult {
        headers = Map.copyOf(headers);
    }

    /** The body parsed as JSON; fails the test with the body when it is not JSON. */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("response body is not JSON (status " + status + "): " + body, e);
        }
    }

    /** A header by (case-insensitive) name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** The payloads of the body's SSE {@code data:} lines, in order ({@code [DONE]} included). */
    public List<String> sseData() {
        List<String> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("data: ")) {
                out.add(line.substring(6));
            } else if (line.startsWith("data:")) {
                out.add(line.substring(5));
            }
        }
        return out;
    }

    /** The SSE {@code data:} payloads that are JSON, parsed ({@code [DONE]} skipped). */
    public List<JsonNode> sseJson() {
        List<JsonNode> out = new ArrayList<>();
        for (String d : sseData()) {
            if (!d.equals("[DONE]")) {
                try {
                    out.add(JSON.readTree(d));
                } catch (IOException e) {
                    throw new UncheckedIOException("SSE data is not JSON: " + d, e);
                }
            }
        }
        return out;
    }

    /**
     * Sends a request and reads the whole answer (header names lower-cased, first value each).
     *
     * @param http the client
     * @param request the request
     * @param what a description for errors, e.g. {@code GET /health}
     * @return the answer
     * @throws java.io.UncheckedIOException when the exchange fails
     */
    public static HttpResult send(java.net.http.HttpClient http, java.net.http.HttpRequest request, String what) {
        try {
            java.net.http.HttpResponse<String> r = http.send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
            Map<String, String> h = new java.util.LinkedHashMap<>();
            r.headers().map().forEach((k, v) -> {
                if (!v.isEmpty()) {
                    h.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0));
                }
            });
            return new HttpResult(r.statusCode(), h, r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(what + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
