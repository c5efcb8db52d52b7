package ai.openclaw.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Sends requests to one gateway: JSON, auth, retries of 408/429/5xx with backoff and jitter, timeouts, SSE. */
final class Transport {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> RETRY = Set.of(408, 429, 500, 502, 503, 504);

    private final OpenClawClient.Options options;
    private final HttpClient http;

    Transport(OpenClawClient.Options options) {
        this.options = options;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    String baseUrl() {
        return options.baseUrl();
    }

    static String query(Map<String, ?> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null) {
                sb.append(sb.isEmpty() ? '?' : '&').append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
            }
        });
        return sb.toString();
    }

    private HttpRequest build(String method, String path, Object body, String accept, boolean stream) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(options.baseUrl() + path))
                .header("Accept", accept).header("User-Agent", "openclaw-java/" + OpenClawClient.VERSION);
        if (!stream) {
            b.timeout(options.timeout());
        }
        if (options.credential() != null) {
            b.header("Authorization", "Bearer " + options.credential());
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                b.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b.build();
    }

    private <T> HttpResponse<T> open(String method, String path, Object body, String accept,
            HttpResponse.BodyHandler<T> handler, Function<T, String> errorText, boolean stream) {
        for (int attempt = 0;; attempt++) {
            long waitMillis;
            try {
                HttpResponse<T> r = http.send(build(method, path, body, accept, stream), handler);
                if (r.statusCode() < 300) {
                    return r;
                }
                OpenClawApiException e = error(r.statusCode(), errorText.apply(r.body()),
                        r.headers().firstValue("X-Request-ID").orElse(null),
                        r.headers().firstValue("Retry-After").orElse(null));
                waitMillis = retryWait(attempt, r.statusCode(), e.retryAfter());
                if (waitMillis < 0) {
                    throw e;
                }
            } catch (HttpTimeoutException e) {
                throw new OpenClawApiException(0, "TIMEOUT", method + " " + path + " timed out after "
                        + options.timeout().toMillis() + " ms", null, null, null, e);
            } catch (IOException e) {
                waitMillis = retryWait(attempt, 0, null);
                if (waitMillis < 0) {
                    String what = e instanceof ConnectException ? "the gateway is not running at " + options.baseUrl()
                            : "cannot reach " + options.baseUrl() + ": " + e.getMessage();
                    throw new OpenClawApiException(0, "CONNECTION_ERROR", what, null, null, null, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpenClawApiException(0, "INTERRUPTED", "interrupted", null, null, null, e);
            }
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OpenClawApiException(0, "INTERRUPTED", "interrupted", null, null, null, e);
            }
        }
    }

    /** Milliseconds before the next attempt, or -1 to give up. */
    long retryWait(int attempt, int status, Double retryAfter) {
        if (attempt >= options.maxRetries() || (status != 0 && !RETRY.contains(status))) {
            return -1;
        }
        if (retryAfter != null) {
            long ms = (long) (retryAfter * 1000);
            return ms > options.maxRetryWait().toMillis() ? -1 : ms;
        }
        long base = options.backoff().toMillis() << attempt;
        return Math.min(options.maxRetryWait().toMillis(),
                (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble() / 2)));
    }

    static OpenClawApiException error(int status, String body, String requestId, String retryAfterHeader) {
        JsonNode err = null;
        try {
            JsonNode n = body == null || body.isBlank() ? null : JSON.readTree(body);
            err = n == null ? null : n.get("error");
        } catch (IOException e) {
            // not JSON
        }
        if (err != null && err.isTextual()) {
            err = JSON.createObjectNode().put("message", err.asText());
        }
        Double retryAfter = null;
        if (err != null && err.path("retryAfter").isNumber()) {
            retryAfter = err.path("retryAfter").asDouble();
        } else if (retryAfterHeader != null) {
            try {
                retryAfter = Double.parseDouble(retryAfterHeader.trim());
            } catch (NumberFormatException e) {
                retryAfter = null;
            }
        }
        String message = err != null && err.path("message").isTextual() ? err.path("message").asText()
                : "HTTP " + status;
        String code = err != null && err.path("code").isTextual() ? err.path("code").asText() : null;
        JsonNode details = err == null || err.path("details").isNull() || err.path("details").isMissingNode() ? null
                : err.get("details");
        return new OpenClawApiException(status, code, message, details, requestId, retryAfter, null);
    }

    /** One request; the parsed body with the gateway v1 envelope unwrapped (an empty object for no body). */
    JsonNode request(String method, String path, Object body) {
        HttpResponse<String> r = open(method, path, body, "application/json",
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8), s -> s, false);
        try {
            JsonNode n = r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
            return n.isObject() && n.has("success") && n.has("data") ? n.get("data") : n;
        } catch (IOException e) {
            return TextNode.valueOf(r.body());
        }
    }

    /**
     * A request answered with Server-Sent Events: the events' parsed {@code data} until {@code [DONE]}, lazily.
     * Close the stream to release the connection early. Error events are thrown as {@link OpenClawApiException}.
     */
    Stream<JsonNode> events(String method, String path, Object body) {
        HttpResponse<InputStream> r = open(method, path, body, "text/event-stream",
                HttpResponse.BodyHandlers.ofInputStream(), Transport::drain, true);
        BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
        Iterator<JsonNode> it = new Iterator<>() {
            private JsonNode next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    next = read();
                    done = next == null;
                }
                return next != null;
            }

            @Override
            public JsonNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                JsonNode n = next;
                next = null;
                return n;
            }

            private JsonNode read() {
                try {
                    StringBuilder data = new StringBuilder();
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.isEmpty()) {
                            if (!data.isEmpty()) {
                                JsonNode n = parse(data.toString());
                                if (n != null) {
                                    return n;
                                }
                                return null;
                            }
                        } else if (line.startsWith("data:")) {
                            if (!data.isEmpty()) {
                                data.append('\n');
                            }
                            data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
                        }
                    }
                    return data.isEmpty() ? null : parse(data.toString());
                } catch (IOException e) {
                    throw new OpenClawApiException(0, "CONNECTION_ERROR", "the stream broke: " + e.getMessage(),
                            null, null, null, e);
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(() -> {
                    try {
                        in.close();
                    } catch (IOException e) {
                        // closing anyway
                    }
                });
    }

    /** The event's JSON, or null at {@code [DONE]}; throws the error an error event carries. */
    private static JsonNode parse(String data) {
        if (data.strip().equals("[DONE]")) {
            return null;
        }
        JsonNode n;
        try {
            n = JSON.readTree(data);
        } catch (IOException e) {
            return TextNode.valueOf(data);
        }
        if (n.isObject() && (n.has("error") && !n.get("error").isNull() || "error".equals(n.path("type").asText()))) {
            throw error(0, n.has("error") ? data : "{\"error\":" + data + "}", null, null);
        }
        return n;
    }

    private static String drain(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
