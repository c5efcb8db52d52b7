package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeProvider;
import ai.openclaw.testkit.fake.FakeReply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prometheus metrics (issue 16): {@code GET /metrics} after chat traffic has request, turn, token, latency and JVM
 * series with low-cardinality labels; it needs the {@code metrics} scope; the separate listener honours its token;
 * {@code promtool check metrics} accepts the output; and a real Prometheus (Debian's package) scrapes the gateway and
 * answers queries over those series.
 */
class MetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static FakeProvider fake;
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        fake = FakeProvider.start();
        gw = TestGateway.start(TestGateway.providerConfig(fake.openAiBaseUrl(), null)
                + "gateway:\n  metrics: { bind: \"127.0.0.1:0\", token: \"scrape-token-1234\" }\n");
    }

    @AfterAll
    static void stop() {
        gw.close();
        fake.close();
    }

    private static void chatTraffic(int n) {
        for (int i = 0; i < n; i++) {
            fake.enqueue(FakeReply.text("pong " + i).withUsage(7, 2));
            HttpResult r = gw.post("/v1/chat/completions", "{\"model\":\"fake/fake-model\",\"user\":\"user_" + i
                    + "\",\"messages\":[{\"role\":\"user\",\"content\":\"secret text " + i + "\"}]}");
            assertThat(r.status()).isEqualTo(200);
        }
    }

    @Test
    void scrapeHasRequestTurnTokenAndJvmSeries() {
        chatTraffic(3);
        HttpResult r = gw.get("/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        String body = r.body();
        assertThat(value(body, "openclaw_http_requests_seconds_count", "route=\"/v1/chat/completions\""))
                .isGreaterThanOrEqualTo(3);
        assertThat(body).containsPattern("openclaw_http_requests_seconds_count\\{[^}]*dialect=\"openai\"[^}]*"
                + "method=\"POST\"[^}]*status=\"200\"");
        assertThat(body).contains("openclaw_http_requests_seconds_bucket{");
        assertThat(value(body, "openclaw_turns_seconds_count", "outcome=\"ok\"")).isGreaterThanOrEqualTo(3);
        assertThat(value(body, "openclaw_tokens_total", "kind=\"prompt\"")).isGreaterThanOrEqualTo(21);
        assertThat(value(body, "openclaw_tokens_total", "kind=\"completion\"")).isGreaterThanOrEqualTo(6);
        assertThat(body).contains("jvm_memory_used_bytes", "process_cpu_usage", "openclaw_webhook_outbox_pending",
                "openclaw_tasks{status=\"pending\"}", "openclaw_turn_queue_waiting", "openclaw_sse_streams_active");
        // low cardinality: no user text, no session keys, no raw ids in labels
        assertThat(body).doesNotContain("secret text", "user_1", "session_");
    }

    @Test
    void scrapeNeedsTheMetricsScope() {
        HttpResult chatOnly = gw.post("/api/v1/keys", "{\"name\":\"m-chat\",\"scopes\":[\"chat\"]}");
        HttpResult metricsOnly = gw.post("/api/v1/keys", "{\"name\":\"m-metrics\",\"scopes\":[\"metrics\"]}");
        assertThat(chatOnly.status()).isEqualTo(201);
        assertThat(metricsOnly.status()).isEqualTo(201);
        String chatKey = chatOnly.json().at("/data/key").asText();
        String metricsKey = metricsOnly.json().at("/data/key").asText();
        HttpResult refused = gw.send("GET", "/metrics", null, Map.of("Authorization", "Bearer " + chatKey));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("metrics");
        assertThat(gw.send("GET", "/metrics", null, Map.of("Authorization", "Bearer " + metricsKey)).status())
                .isEqualTo(200);
        assertThat(gw.send("GET", "/metrics", null, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void separateListenerHonoursItsToken() throws Exception {
        int port = gw.gateway().metricsPort();
        assertThat(port).isPositive();
        URI uri = URI.create("http://127.0.0.1:" + port + "/metrics");
        HttpResponse<String> none = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(401);
        HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(uri).header("Authorization",
                "Bearer scrape-token-1234").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("openclaw_http_requests_seconds");
    }

    @Test
    void promtoolAcceptsTheOutput() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/promtool")),
                "promtool not installed (Debian package prometheus; ./scripts/test-deps.sh installs it as root)");
        chatTraffic(1);
        Path file = Files.createTempFile("metrics", ".txt");
        Files.writeString(file, gw.get("/metrics").body());
        Process p = new ProcessBuilder("/usr/bin/promtool", "check", "metrics").redirectInput(file.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // promtool exits 1 for lint problems (e.g. naming) and 3 for a parse error; only a clean pass is accepted
        assertThat(p.exitValue()).as("promtool check metrics said: %s", out).isZero();
    }

    @Test
    void realPrometheusScrapesTheGateway() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/prometheus")),
                "prometheus not installed (Debian package prometheus; ./scripts/test-deps.sh installs it as root)");
        Path dir = Files.createTempDirectory("prometheus-");
        URI base = URI.create(gw.baseUrl());
        Files.writeString(dir.resolve("prometheus.yml"), """
                global: { scrape_interval: 1s, evaluation_interval: 1s }
                scrape_configs:
                  - job_name: openclaw
                    metrics_path: /metrics
                    authorization: { type: Bearer, credentials: "%s" }
                    static_configs: [ { targets: ["%s:%d"] } ]
                """.formatted(TestGateway.TOKEN, base.getHost(), base.getPort()));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process prom = new ProcessBuilder("/usr/bin/prometheus", "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            chatTraffic(5);
            String api = "http://127.0.0.1:" + port + "/api/v1/query?query=";
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(query(api, "up{job=\"openclaw\"}")).as("target up").containsExactly(1.0);
                assertThat(query(api, "sum(openclaw_http_requests_seconds_count{route=\"/v1/chat/completions\"})"))
                        .singleElement().satisfies(v -> assertThat(v).isGreaterThanOrEqualTo(5));
                assertThat(query(api, "sum(openclaw_tokens_total{kind=\"completion\"})"))
                        .singleElement().satisfies(v -> assertThat(v).isGreaterThanOrEqualTo(10));
                assertThat(query(api, "histogram_quantile(0.99, sum by (le) (openclaw_http_requests_seconds_bucket"
                        + "{route=\"/v1/chat/completions\"}))")).singleElement()
                        .satisfies(v -> assertThat(v).isPositive());
            });
        } finally {
            prom.destroy();
            if (!prom.waitFor(10, TimeUnit.SECONDS)) {
                prom.destroyForcibly();
            }
        }
    }

    /** The values of a PromQL instant query's result vector. */
    private static List<Double> query(String api, String promql) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api
                + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode result = JSON.readTree(r.body()).at("/data/result");
        java.util.ArrayList<Double> out = new java.util.ArrayList<>();
        result.forEach(n -> out.add(Double.parseDouble(n.at("/value/1").asText())));
        return out;
    }

    /** The sum of the samples of {@code metric} whose labels contain {@code label}. */
    private static double value(String body, String metric, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{([^}]*)\\} (\\S+)$").matcher(body);
        double sum = 0;
        while (m.find()) {
            if (m.group(1).contains(label)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }
}
