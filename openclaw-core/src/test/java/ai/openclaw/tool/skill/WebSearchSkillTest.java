package ai.openclaw.tool.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.tool.ToolContext;
import ai.openclaw.tool.ToolJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bundled web-search skill against a fake search server on 127.0.0.1 speaking each provider's API (SearXNG's
 * JSON format, Brave's web search, Tavily's search), and its errors: no provider, an unreachable one, an HTTP error.
 */
class WebSearchSkillTest {
    record Hit(String method, String uri, Map<String, List<String>> headers, String body) {
    }

    HttpServer server;
    final List<Hit> hits = new CopyOnWriteArrayList<>();
    final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    static final ToolContext CTX = new ToolContext(null, "main", "gateway", null, Path.of("."), 0, null);

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            hits.add(new Hit(ex.getRequestMethod(), ex.getRequestURI().toString(), Map.copyOf(ex.getRequestHeaders()),
                    body));
            String path = ex.getRequestURI().getPath();
            String answer = switch (path) {
                case "/search" -> "{\"results\": [{\"title\": \"OpenClaw\", \"url\": \"https://openclaw.ai\", "
                        + "\"content\": \"an AI agent gateway\"}, {\"title\": \"B\", \"url\": \"https://b.example\", "
                        + "\"content\": \"b\"}]}";
                case "/res/v1/web/search" -> "{\"web\": {\"results\": [{\"title\": \"Brave hit\", \"url\": "
                        + "\"https://brave.example\", \"description\": \"from brave\"}]}}";
                case "/tavily" -> "{\"results\": [{\"title\": \"Tavily hit\", \"url\": \"https://tavily.example\", "
                        + "\"content\": \"from tavily\"}]}";
                default -> null;
            };
            byte[] out = (answer == null ? "{\"error\": \"down\"}" : answer).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(answer == null ? 500 : 200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    WebSearchSkill skill(WebSearchSettings settings) throws java.io.IOException {
        Skill s = SkillLoader.parse("---\nname: web-search\nversion: 2.1.0\ncategory: information\nauthor: openclaw\n"
                + "---\nsearch\n", null, "bundled", 30, "web-search");
        return new WebSearchSkill(s, settings, executor);
    }

    static JsonNode args(String json) {
        return ToolJson.parse(json);
    }

    @Test
    void searxngIsAskedForJsonAndItsResultsComeBackCapped() throws Exception {
        JsonNode r = skill(new WebSearchSettings("searxng", base() + "/", null, 1, Duration.ofSeconds(10)))
                .execute(args("{\"args\": [\"open\", \"claw\"]}"), CTX);
        assertThat(hits.getFirst().uri()).isEqualTo("/search?q=open+claw&format=json");
        assertThat(r.path("provider").asText()).isEqualTo("searxng");
        assertThat(r.path("query").asText()).isEqualTo("open claw");
        assertThat(r.path("results")).hasSize(1);
        assertThat(r.path("results").get(0).path("url").asText()).isEqualTo("https://openclaw.ai");
        assertThat(r.path("results").get(0).path("snippet").asText()).isEqualTo("an AI agent gateway");
    }

    @Test
    void braveGetsTheSubscriptionTokenAndCount() throws Exception {
        JsonNode r = skill(new WebSearchSettings("Brave", base() + "/res/v1/web/search", "brv-key", 5,
                Duration.ofSeconds(10))).execute(args("{\"query\": \"天气\", \"maxResults\": 3}"), CTX);
        Hit h = hits.getFirst();
        assertThat(h.uri()).isEqualTo("/res/v1/web/search?q=%E5%A4%A9%E6%B0%94&count=3");
        assertThat(h.headers().get("X-subscription-token")).containsExactly("brv-key");
        assertThat(r.path("results").get(0).path("snippet").asText()).isEqualTo("from brave");
    }

    @Test
    void tavilyGetsABearerKeyAndAJsonBody() throws Exception {
        JsonNode r = skill(new WebSearchSettings("tavily", base() + "/tavily", "tvly-key", 4, Duration.ofSeconds(10)))
                .execute(args("{\"args\": [\"openclaw\"]}"), CTX);
        Hit h = hits.getFirst();
        assertThat(h.method()).isEqualTo("POST");
        assertThat(h.headers().get("Authorization")).containsExactly("Bearer tvly-key");
        assertThat(ToolJson.parse(h.body()).path("query").asText()).isEqualTo("openclaw");
        assertThat(ToolJson.parse(h.body()).path("max_results").asInt()).isEqualTo(4);
        assertThat(r.path("results").get(0).path("title").asText()).isEqualTo("Tavily hit");
    }

    @Test
    void noProviderAnUnreachableOneAndAnHttpErrorAreUpstreamErrors() throws Exception {
        assertThatThrownBy(() -> skill(WebSearchSettings.NONE).execute(args("{\"args\": [\"x\"]}"), CTX))
                .isInstanceOfSatisfying(OpenClawException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
                    assertThat(e.getMessage()).contains("skills.webSearch.provider");
                });
        assertThatThrownBy(() -> skill(new WebSearchSettings("tavily", base() + "/down", null, 5,
                Duration.ofSeconds(10))).execute(args("{\"args\": [\"x\"]}"), CTX))
                .isInstanceOfSatisfying(OpenClawException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
                    assertThat(e.getMessage()).contains("HTTP 500");
                });
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> skill(new WebSearchSettings("searxng", "http://127.0.0.1:" + port, null, 5,
                Duration.ofSeconds(10))).execute(args("{\"args\": [\"x\"]}"), CTX))
                .isInstanceOfSatisfying(OpenClawException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UPSTREAM_ERROR);
                    assertThat(e.getMessage()).contains("unreachable");
                });
    }

    @Test
    void settingsNameTheWrongKey() {
        assertThatThrownBy(() -> WebSearchSettings.from(ToolJson.parse("{\"webSearch\": {\"provider\": \"google\"}}")))
                .hasMessageContaining("skills.webSearch.provider");
        assertThatThrownBy(() -> WebSearchSettings.from(ToolJson.parse("{\"webSearch\": {\"provider\": \"searxng\"}}")))
                .hasMessageContaining("skills.webSearch.url");
        assertThat(WebSearchSettings.from(ToolJson.parse("{\"webSearch\": {\"provider\": \"brave\"}}")).url())
                .isEqualTo(WebSearchSettings.BRAVE_URL);
        assertThat(WebSearchSettings.from(ToolJson.parse("{}"))).isEqualTo(WebSearchSettings.NONE);
    }
}
