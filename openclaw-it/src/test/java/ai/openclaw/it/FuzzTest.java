package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A seeded fuzz test over every route in the gateway's route table: thousands of malformed, truncated, oversized,
 * deeply nested and wrong-typed requests with odd headers, paths, queries and credentials, plus malformed raw HTTP.
 * Asserts no 5xx, no hang (every request has a deadline), no stack trace, JSON error bodies, the gateway still
 * healthy, and data stored beforehand unchanged; no body names a Java class or a library setting. Every route is
 * sent to (round-robin first, then at random); {@code -Dfuzz.requests=N} (default 20,000). Reproduce a failure with
 * {@code -Dfuzz.seed=N}.
 */
class FuzzTest {
    static final long SEED = Long.getLong("fuzz.seed", 20_261_121L);
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 20_000);
    /** A qualified Java class name (a library's or ours) in a response body. */
    static final java.util.regex.Pattern CLASS_NAME = java.util.regex.Pattern.compile(
            "\\b(?:com|org|java|javax|jdk|sun|io|ai|net|de)\\.[a-z0-9_]+(?:\\.[a-z0-9_]+)*\\.[A-Z][A-Za-z0-9_$]+");
    static final int MAX_BODY = 8192;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String[] FIELDS = {"text", "message", "content", "session", "session_id", "sessionId", "model",
        "name", "plan", "agentId", "agent_id", "label", "user", "type", "expires", "temperature", "maxTokens",
        "max_tokens", "ttl", "stream", "messages", "scopes", "context", "settings", "limits", "expiresIn",
        "stream_options", "n", "role", "metadata"};
    static TestGateway gw;
    static String key;

    @BeforeAll
    static void start() {
        gw = TestGateway.start("gateway:\n  max_body_bytes: " + MAX_BODY + "\n  rate_limit:\n"
                + "    auth_failures_per_minute: 0\n");
        key = gw.post("/api/v1/keys", "{\"name\": \"fuzz-key\", \"plan\": \"enterprise\", \"scopes\": [\"chat\"]}")
                .json().at("/data/key").asText();
        assertThat(gw.post("/api/v1/message", "{\"text\": \"keep me\", \"session\": \"fuzz-keep\"}").status())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    static String snapshot() {
        JsonNode messages = gw.get("/api/v1/sessions/fuzz-keep/messages?limit=200").json().path("data");
        StringBuilder sb = new StringBuilder(messages.toString());
        for (JsonNode k : gw.get("/api/v1/keys").json().at("/data/keys")) {
            sb.append('|').append(k.path("id").asText()).append(k.path("name").asText())
                    .append(k.path("status").asText()).append(k.path("scopes")).append(k.path("plan").asText())
                    .append(k.path("limits"));
        }
        return sb.toString();
    }

    @Test
    void thousandsOfHostileRequestsLeaveTheGatewayHealthyAndDataIntact() throws Exception {
        String before = snapshot();
        List<String> routes = gw.gateway().routes();
        assertThat(routes).hasSizeGreaterThan(20);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        int threads = 8;
        long startedNanos = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> jobs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Random rnd = new Random(SEED + t);
            int thread = t;
            jobs.add(pool.submit(() -> {
                for (int i = 0; i < REQUESTS / threads && failures.size() < 20; i++) {
                    // every route several times over (round-robin across the threads), then at random
                    int rr = i * threads + thread;
                    String route = rr < routes.size() * 5 ? routes.get(rr % routes.size())
                            : routes.get(rnd.nextInt(routes.size()));
                    fire(client, rnd, route, failures);
                    sent.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("fuzz: %d requests over %d routes (seed %d) in %.1f s%n", sent.get(), routes.size(), SEED,
                (System.nanoTime() - startedNanos) / 1e9);
        assertThat(failures).as("seed " + SEED).isEmpty();
        assertThat(sent.get()).isGreaterThanOrEqualTo(REQUESTS - threads);
        rawHttpGarbage(new Random(SEED));
        assertThat(gw.send("GET", "/health", null, Map.of()).status()).isEqualTo(200);
        assertThat(gw.send("GET", "/ready", null, Map.of()).status()).isEqualTo(200);
        assertThat(snapshot()).as("stored data unchanged").isEqualTo(before);
        assertThat(gw.send("GET", "/v2/conversations", null, Map.of("X-API-Key", key)).status()).isEqualTo(200);
        assertThat(gw.post("/api/v1/message", "{\"text\": \"still works\", \"session\": \"fuzz-after\"}").status())
                .isEqualTo(200);
    }

    private static void fire(HttpClient client, Random rnd, String route, ConcurrentLinkedQueue<String> failures) {
        String method = route.substring(0, route.indexOf(' '));
        if (rnd.nextInt(20) == 0) {
            method = pick(rnd, "GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");
        }
        String path = route.substring(route.indexOf(' ') + 1);
        String url = gw.baseUrl() + concretePath(rnd, path) + query(rnd);
        byte[] body = body(rnd);
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
        } catch (IllegalArgumentException e) {
            return;
        }
        switch (rnd.nextInt(10)) {
            case 0 -> b.header("X-API-Key", key);
            case 1 -> b.header("Authorization", "Bearer " + key);
            case 2 -> b.header("Authorization", pick(rnd, "Bearer", "Bearer  ", "Basic Zm9vOmJhcg==",
                    "Bearer oc_api_sk_" + ascii(rnd, 60), "bEaReR " + TestGateway.TOKEN));
            default -> b.header("Authorization", "Bearer " + TestGateway.TOKEN);
        }
        if (rnd.nextInt(3) > 0) {
            b.header("Content-Type", pick(rnd, "application/json", "text/plain", "application/json; charset=utf-16",
                    "multipart/form-data; boundary=xyz", "application/x-www-form-urlencoded", "*/*", "garbage"));
        }
        if (rnd.nextInt(8) == 0) {
            b.header("X-Request-ID", ascii(rnd, rnd.nextInt(300)).replace('\r', ' ').replace('\n', ' ').strip()
                    + "x");
        }
        if (rnd.nextInt(10) == 0) {
            b.header("x-openclaw-session-key", pick(rnd, "../x", "fuzz-other", ascii(rnd, 200), "a"));
        }
        if (rnd.nextInt(15) == 0) {
            b.header("Origin", pick(rnd, "https://evil.example", "null", "http://localhost:3000"));
            b.header("Access-Control-Request-Method", pick(rnd, "POST", "DELETE", "BREW"));
        }
        String what = method + " " + url + " body=" + (body == null ? "none" : body.length + "B");
        try {
            HttpRequest request = b.build();
            HttpResponse<String> r;
            try {
                r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException stale) {
                // the client may have reused a keep-alive connection the server had just closed (after an error
                // answer to an unread body); a fresh attempt tells a real hang or reset from that race
                r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            String text = r.body();
            if (r.statusCode() >= 500) {
                failures.add(r.statusCode() + " for " + what + ": " + text);
            }
            boolean staticPage = r.statusCode() == 200
                    && (ai.openclaw.server.api.ui.ControlUiRoutes.PUBLIC_PATHS.contains(URI.create(url).getPath())
                    || ai.openclaw.server.api.system.OpenApiRoutes.PUBLIC_PATHS.contains(URI.create(url).getPath()));
            if (!staticPage && (text.contains("Exception") || text.contains("\tat ") || text.contains("at ai.openclaw")
                    || text.contains("<html") || CLASS_NAME.matcher(text).find()
                    || text.contains("StreamReadConstraints") || text.contains("getMax"))) {
                failures.add("leaky body for " + what + ": " + text);
            }
            if (r.statusCode() >= 400 && !text.isEmpty() && !method.equals("HEAD")) {
                JsonNode n = JSON.readTree(text);
                boolean jsonRpc = n.path("jsonrpc").asText().equals("2.0") && n.path("error").path("code").isInt();
                boolean graphql = n.path("errors").path(0).path("extensions").path("code").isTextual();
                if (!n.path("error").path("code").isTextual() && !jsonRpc && !graphql) {
                    failures.add("error without code for " + what + ": " + text);
                }
            }
        } catch (IOException e) {
            failures.add("I/O failure (hang or reset) for " + what + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Path parameters replaced by hostile values; never the id of the data kept for the final check. */
    private static String concretePath(Random rnd, String path) {
        StringBuilder out = new StringBuilder();
        for (String seg : path.split("/", -1)) {
            if (!out.isEmpty() || !seg.isEmpty()) {
                out.append('/');
            }
            if (seg.startsWith("{") || seg.startsWith("<")) {
                String v = pick(rnd, "x", "..", "../../etc/passwd", "会话", "a".repeat(300), "%00", "fuzz-nokey",
                        "gateway.auth.token", "models", "' OR 1=1 --", ascii(rnd, 1 + rnd.nextInt(40)), "-1",
                        "key_" + ascii(rnd, 8));
                out.append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
            } else {
                out.append(seg);
            }
        }
        String p = out.toString();
        return p.equals("*") || p.isEmpty() ? "/" : p;
    }

    private static String query(Random rnd) {
        if (rnd.nextInt(3) > 0) {
            return "";
        }
        return "?" + pick(rnd, "limit", "offset", "page", "stream", "x") + "="
                + URLEncoder.encode(pick(rnd, "-1", "0", "abc", "99999999999999999999", "1e9", "", "201", "2",
                        ascii(rnd, 30)), StandardCharsets.UTF_8);
    }

    private static byte[] body(Random rnd) {
        String s = switch (rnd.nextInt(12)) {
            case 0 -> null;
            case 1 -> {
                byte[] raw = new byte[rnd.nextInt(200)];
                rnd.nextBytes(raw);
                yield new String(raw, StandardCharsets.ISO_8859_1);
            }
            case 2 -> {
                String full = wrongTyped(rnd);
                yield full.substring(0, rnd.nextInt(Math.max(1, full.length())));
            }
            case 3 -> "{\"text\": \"" + "x".repeat(MAX_BODY + rnd.nextInt(5000)) + "\"}";
            case 4 -> "{\"text\": \"hi\", \"context\": " + "[".repeat(65 + rnd.nextInt(300))
                    + "]".repeat(rnd.nextInt(2) == 0 ? 0 : 400) + "}";
            case 5 -> pick(rnd, "[]", "[1,2]", "42", "\"text\"", "null", "true", "{}", "", " ", "{\"\":{}}");
            case 6 -> "{\"text\": 1" + "9".repeat(200) + ", \"temperature\": 1e999999}";
            case 7 -> "{\"text\": \"a\", \"text\": \"b\", \"message\": \"c\", \"message\": 1}";
            case 8 -> "{\"text\": \"\\ud800\\u0000\u0000\", \"content\": \"\\uZZZZ\"}";
            case 9 -> pick(rnd, "{\"content\": \"\\u0000\"}", "{\"query\": \"\\t\\b\\f\"}",
                    "{\"content\": \"\\u0001\\u200b\", \"query\": \"\\u0000\"}",
                    "{\"context\": {\"a\": null}, \"config\": {\"a\": null}, \"metadata\": {\"b\": null}}",
                    "{\"skillId\": \"weather\", \"config\": {\"a\": null}}", "{\"text\": null, \"a\": {\"b\": null}}");
            default -> wrongTyped(rnd);
        };
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** An object whose known fields all have a type their routes do not accept. */
    private static String wrongTyped(Random rnd) {
        StringBuilder sb = new StringBuilder("{");
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            String f = FIELDS[rnd.nextInt(FIELDS.length)];
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(f).append("\":");
            boolean stringField = List.of("text", "message", "content", "session", "session_id", "sessionId",
                    "model", "name", "plan", "agentId", "agent_id", "label", "user", "type", "expires", "role")
                    .contains(f);
            String value;
            if (stringField) {
                value = pick(rnd, "42", "-1.5", "true", "[\"a\"]", "{\"a\":1}", "[[[]]]", "{}");
            } else {
                value = pick(rnd, "\"not a number\"", "\"\"", "-99999999999", "1.5e308", "[{}]", "{\"x\":[1]}",
                        "\"" + ascii(rnd, 20).replace("\"", "").replace("\\", "") + "\"", "7", "false");
            }
            sb.append(value);
        }
        return sb.append('}').toString();
    }

    /** Malformed raw HTTP over a socket: each must get a non-5xx answer or a closed connection, never a hang. */
    private static void rawHttpGarbage(Random rnd) throws IOException {
        URI u = URI.create(gw.baseUrl());
        String auth = "Authorization: Bearer " + TestGateway.TOKEN + "\r\n";
        String[] requests = {
            "GET /api/v1/status HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Length: -5\r\n\r\n",
            "POST /api/v1/message HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Length: abc\r\n\r\n{}",
            "POST /api/v1/message HTTP/1.1\r\nHost: x\r\n" + auth + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n",
            "POST /api/v1/message HTTP/1.1\r\nHost: x\r\n" + auth
                + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            "GET /api/v1/status HTTP/9.9\r\nHost: x\r\n\r\n",
            "GET  HTTP/1.1\r\n\r\n",
            "GET /api/v1/status HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n",
            "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /api/v1/status HTTP/1.1\r\nHost: x\r\n" + "X-A: b\r\n".repeat(2000) + "\r\n",
            "\r\n\r\n\r\n",
            "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Length: 100000000\r\n\r\n{",
        };
        for (String req : requests) {
            try (Socket s = new Socket(u.getHost(), u.getPort())) {
                s.setSoTimeout(15_000);
                s.getOutputStream().write(req.getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                s.shutdownOutput();
                InputStream in = s.getInputStream();
                String answer = new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
                assertThat(answer).as(req.substring(0, Math.min(80, req.length()))).doesNotStartWith("HTTP/1.1 5")
                        .doesNotContain("Exception").doesNotContain("<html");
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the gateway hung on raw request " + req.substring(0, 40), e);
            } catch (IOException e) {
                // the server closing the connection on garbage is a fine answer
            }
        }
        for (int i = 0; i < 50; i++) {
            try (Socket s = new Socket(u.getHost(), u.getPort())) {
                s.setSoTimeout(15_000);
                byte[] junk = new byte[1 + rnd.nextInt(2000)];
                rnd.nextBytes(junk);
                s.getOutputStream().write(junk);
                s.shutdownOutput();
                String answer = new String(s.getInputStream().readNBytes(4096), StandardCharsets.ISO_8859_1);
                assertThat(answer).doesNotStartWith("HTTP/1.1 5");
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the gateway hung on random bytes", e);
            } catch (IOException e) {
                // closed: fine
            }
        }
    }

    private static String ascii(Random rnd, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) (32 + rnd.nextInt(95)));
        }
        return sb.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random rnd, T... options) {
        return options[rnd.nextInt(options.length)];
    }
}
