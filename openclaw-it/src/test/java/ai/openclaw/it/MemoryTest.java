package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Memory over real sockets (issue 4): the seed 001 examples (Chinese included), a paraphrase sharing no keyword,
 * restart and index rebuild, workspace files, seed 003 {@code /v2/memories}, and bad input.
 */
class MemoryTest {
    static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = TestGateway.start("memory:\n  max_content_chars: 2000\n  workspace:\n    poll_seconds: 0\n");
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static String add(String json) {
        HttpResult r = gw.post("/api/v1/memory", json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("success").asBoolean()).isTrue();
        String id = r.json().at("/data/memoryId").asText();
        assertThat(id).startsWith("mem_");
        assertThat(r.json().at("/data/createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        return id;
    }

    private static HttpResult searchBody(String json) {
        return gw.send("GET", "/api/v1/memory/search", json, Map.of("Authorization", "Bearer " + TestGateway.TOKEN,
                "Content-Type", "application/json"));
    }

    private static JsonNode results(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("success").asBoolean()).isTrue();
        return r.json().at("/data/results");
    }

    private static List<String> contents(JsonNode results) {
        List<String> out = new ArrayList<>();
        results.forEach(n -> out.add(n.path("content").asText()));
        return out;
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void seed001AddAndSearchInChinese() {
        add("{\"content\": \"用户偏好简洁的回复风格\", \"tags\": [\"用户偏好\", \"风格\"], \"type\": \"long-term\"}");
        add("{\"content\": \"OpenClaw 配置文件位于 ~/.openclaw/config.yaml，修改后需要重启网关\"}");
        add("{\"content\": \"The deployment server runs Ubuntu 24.04 in the Frankfurt region\"}");

        // seed 001: the request parameters as a JSON body
        JsonNode res = results(searchBody("{\"query\": \"OpenClaw 配置\", \"limit\": 5, \"minScore\": 0.7}"));
        assertThat(res.size()).isGreaterThanOrEqualTo(1);
        JsonNode top = res.get(0);
        assertThat(top.path("content").asText()).startsWith("OpenClaw 配置文件位于");
        assertThat(top.path("score").asDouble()).isBetween(0.7, 1.0);
        assertThat(top.path("source").asText()).isEqualTo("api");
        assertThat(top.path("keywordScore").asDouble()).isBetween(0.0, 1.0);
        assertThat(top.path("vectorScore").asDouble()).isBetween(0.0, 1.0);
        res.forEach(h -> assertThat(h.path("score").asDouble()).isGreaterThanOrEqualTo(0.7));

        // seed 001 curl: GET ?query=配置
        JsonNode curl = results(gw.get("/api/v1/memory/search?query=" + q("配置")));
        assertThat(contents(curl)).first().asString().startsWith("OpenClaw 配置文件位于");

        // the same as query parameters
        JsonNode params = results(gw.get("/api/v1/memory/search?query=" + q("OpenClaw 配置") + "&limit=5&minScore=0.7"));
        assertThat(contents(params)).first().asString().startsWith("OpenClaw 配置文件位于");

        // a Chinese preference, found by a Chinese question about it; tags come back
        JsonNode pref = results(gw.get("/api/v1/memory/search?query=" + q("用户喜欢什么样的回复") + "&limit=3"));
        assertThat(contents(pref)).first().isEqualTo("用户偏好简洁的回复风格");
        assertThat(pref.get(0).path("tags").toString()).contains("用户偏好", "风格");
    }

    @Test
    void paraphraseWithNoSharedKeywordIsFoundAndUnrelatedIsNot() {
        add("{\"content\": \"The user drinks black coffee every morning\", \"tags\": [\"habits\"]}");
        add("{\"content\": \"The gateway token is rotated on the first day of each quarter\"}");

        // default minScore applies: no keyword in common with the fact
        JsonNode hits = results(gw.get("/api/v1/memory/search?query=" + q("Which beverage does she have at breakfast?")));
        assertThat(contents(hits)).contains("The user drinks black coffee every morning");
        JsonNode hit = hits.get(contents(hits).indexOf("The user drinks black coffee every morning"));
        assertThat(hit.path("keywordScore").asDouble()).isZero();
        assertThat(hit.path("vectorScore").asDouble()).isPositive();

        JsonNode unrelated = results(gw.get("/api/v1/memory/search?query=" + q("How tall is Mount Everest?")));
        assertThat(contents(unrelated)).doesNotContain("The user drinks black coffee every morning");
    }

    @Test
    void itemsSurviveRestartAndTheIndexIsRebuiltWhenItsFilesAreDeleted() {
        String id = add("{\"content\": \"Project Nightingale ships on the twelfth of December\"}");
        gw.restart();
        JsonNode afterRestart = results(gw.get("/api/v1/memory/search?query=" + q("Nightingale ship date")));
        assertThat(contents(afterRestart)).contains("Project Nightingale ships on the twelfth of December");

        gw.restart(() -> deleteTree(gw.stateDir().resolve("memory").resolve("index")));
        assertThat(gw.stateDir().resolve("memory").resolve("index")).isDirectory();
        JsonNode rebuilt = results(gw.get("/api/v1/memory/search?query=" + q("Nightingale ship date")));
        assertThat(contents(rebuilt)).contains("Project Nightingale ships on the twelfth of December");
        assertThat(gw.get("/v2/memories/" + id).json().path("content").asText()).startsWith("Project Nightingale");
    }

    @Test
    void workspaceMemoryFilesAreIndexedAndReindexedWhenTheyChange() throws IOException {
        Path ws = gw.stateDir().resolve("workspace");
        Files.createDirectories(ws.resolve("memory"));
        Files.writeString(ws.resolve("MEMORY.md"), """
                # Preferences

                - The user's favourite editor is Helix with a dark theme
                - 用户的猫叫做小白

                # Infrastructure

                Backups of the Postgres cluster run nightly at 02:30 UTC.
                """);
        Files.writeString(ws.resolve("memory/2026-03-17.md"), "Met Dana about the quarterly roadmap review.\n");
        assertThat(gw.gateway().memory().syncWorkspace()).isEqualTo(2);

        JsonNode editor = results(gw.get("/api/v1/memory/search?query=" + q("which editor does the user like")));
        assertThat(contents(editor)).first().asString().contains("Helix");
        assertThat(editor.get(0).path("source").asText()).isEqualTo("MEMORY.md");
        JsonNode cat = results(gw.get("/api/v1/memory/search?query=" + q("猫的名字")));
        assertThat(contents(cat)).first().isEqualTo("用户的猫叫做小白");
        JsonNode daily = gw.get("/v2/memories/search?query=" + q("roadmap review with Dana") + "&type=daily").json();
        assertThat(daily.path("results").get(0).path("source").asText()).isEqualTo("memory/2026-03-17.md");

        // the file changes: the old chunk is gone, the new one is found
        Files.writeString(ws.resolve("MEMORY.md"), "# Preferences\n\n- The user's favourite editor is Zed\n");
        assertThat(gw.gateway().memory().syncWorkspace()).isEqualTo(1);
        JsonNode after = results(gw.get("/api/v1/memory/search?query=" + q("favourite editor")));
        assertThat(contents(after)).contains("The user's favourite editor is Zed")
                .noneMatch(c -> c.contains("Helix"));
        assertThat(gw.gateway().memory().syncWorkspace()).isZero();

        // workspace items are changed through the file, not the API
        String wsId = after.get(0).path("id").asText();
        HttpResult del = gw.delete("/v2/memories/" + wsId);
        assertThat(del.status()).as(del.body()).isEqualTo(409);

        Files.delete(ws.resolve("memory/2026-03-17.md"));
        assertThat(gw.gateway().memory().syncWorkspace()).isEqualTo(1);
        assertThat(results(gw.get("/api/v1/memory/search?query=" + q("roadmap review with Dana")))
                .toString()).doesNotContain("2026-03-17.md");
    }

    @Test
    void v2MemoriesCrudListAndSearch() {
        for (int i = 0; i < 5; i++) {
            HttpResult r = gw.post("/v2/memories", "{\"content\": \"Inventory note number " + i + " about widgets\", "
                    + "\"tags\": [\"inventory\"" + (i % 2 == 0 ? ", \"even\"" : "") + "], \"type\": \"daily\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().path("embedding").path("dimension").asInt()).isPositive();
        }
        JsonNode page = gw.get("/v2/memories?tags=inventory&limit=2&page=2").json();
        assertThat(page.path("memories").size()).isEqualTo(2);
        assertThat(page.at("/pagination/total").asInt()).isEqualTo(5);
        assertThat(page.at("/pagination/page").asInt()).isEqualTo(2);
        assertThat(page.at("/pagination/hasMore").asBoolean()).isTrue();
        assertThat(gw.get("/v2/memories?tags=inventory,even&type=daily").json().at("/pagination/total").asInt())
                .isEqualTo(3);
        assertThat(gw.get("/v2/memories?tags=inventory&type=conversation").json().at("/pagination/total").asInt())
                .isZero();

        HttpResult created = gw.post("/v2/memories", "{\"content\": \"The staging database password rotates weekly\","
                + " \"tags\": [\"ops\"], \"type\": \"conversation\", \"retention\": \"30d\", \"sessionId\": \"s-1\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(created.json().path("expiresAt").asText()).isNotEmpty();
        assertThat(created.json().path("sessionId").asText()).isEqualTo("s-1");
        assertThat(gw.get("/v2/memories/" + id).json().path("type").asText()).isEqualTo("conversation");

        HttpResult patched = gw.send("PATCH", "/v2/memories/" + id,
                "{\"content\": \"The staging database password rotates every Monday\", \"tags\": [\"ops\", \"db\"]}",
                Map.of("Authorization", "Bearer " + TestGateway.TOKEN, "Content-Type", "application/json"));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().path("tags").size()).isEqualTo(2);

        HttpResult search = gw.post("/v2/memories/search", "{\"query\": \"staging password Monday\", \"tags\": [\"db\"],"
                + " \"limit\": 3}");
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        assertThat(search.json().at("/results/0/id").asText()).isEqualTo(id);
        assertThat(search.json().at("/results/0/content").asText()).endsWith("every Monday");

        assertThat(gw.delete("/v2/memories/" + id).json().path("deleted").asBoolean()).isTrue();
        assertThat(gw.get("/v2/memories/" + id).status()).isEqualTo(404);
        assertThat(gw.delete("/v2/memories/" + id).status()).isEqualTo(404);
        assertThat(gw.post("/v2/memories/search", "{\"query\": \"staging password Monday\", \"minScore\": 0}")
                .body()).doesNotContain(id);
    }

    private static void assertGatewayError(HttpResult r, int status, String code, String messagePart) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().path("success").asBoolean(true)).isFalse();
        assertThat(r.json().at("/error/code").asText()).isEqualTo(code);
        assertThat(r.json().at("/error/message").asText()).contains(messagePart);
        assertThat(r.body()).doesNotContain("Exception");
    }

    @Test
    void badInputNamesTheParameter() {
        assertGatewayError(gw.get("/api/v1/memory/search"), 400, "INVALID_REQUEST", "'query'");
        assertGatewayError(gw.get("/api/v1/memory/search?query=%20"), 400, "INVALID_REQUEST", "'query'");
        assertGatewayError(searchBody("{\"query\": \"\"}"), 400, "INVALID_REQUEST", "'query'");
        assertGatewayError(gw.get("/api/v1/memory/search?query=x&limit=0"), 400, "INVALID_REQUEST", "'limit'");
        assertGatewayError(gw.get("/api/v1/memory/search?query=x&limit=-3"), 400, "INVALID_REQUEST", "'limit'");
        assertGatewayError(gw.get("/api/v1/memory/search?query=x&limit=51"), 400, "INVALID_REQUEST", "'limit'");
        assertGatewayError(gw.get("/api/v1/memory/search?query=x&limit=ten"), 400, "INVALID_REQUEST", "'limit'");
        assertGatewayError(searchBody("{\"query\": \"x\", \"limit\": 0}"), 400, "INVALID_REQUEST", "'limit'");
        assertGatewayError(gw.get("/api/v1/memory/search?query=x&minScore=1.5"), 400, "INVALID_REQUEST", "'minScore'");
        assertGatewayError(gw.get("/api/v1/memory/search?query=x&minScore=-0.1"), 400, "INVALID_REQUEST",
                "'minScore'");
        assertGatewayError(searchBody("{\"query\": \"x\", \"minScore\": 2}"), 400, "INVALID_REQUEST", "'minScore'");
        assertGatewayError(gw.get("/api/v1/memory/search?query=x&type=weekly"), 400, "INVALID_REQUEST", "'type'");

        assertGatewayError(gw.post("/api/v1/memory", "{}"), 400, "INVALID_REQUEST", "'content'");
        assertGatewayError(gw.post("/api/v1/memory", "{\"content\": \"  \"}"), 400, "INVALID_REQUEST", "'content'");
        assertGatewayError(gw.post("/api/v1/memory", "{\"content\": 42}"), 400, "INVALID_REQUEST", "'content'");
        assertGatewayError(gw.post("/api/v1/memory", "{\"content\": \"" + "x".repeat(2001) + "\"}"), 400,
                "INVALID_REQUEST", "'content'");
        assertGatewayError(gw.post("/api/v1/memory", "{\"content\": \"ok\", \"tags\": \"a\"}"), 400,
                "INVALID_REQUEST", "'tags'");
        assertGatewayError(gw.post("/api/v1/memory", "{\"content\": \"ok\", \"tags\": [1]}"), 400,
                "INVALID_REQUEST", "'tags[0]'");
        assertGatewayError(gw.post("/api/v1/memory", "{\"content\": \"ok\", \"type\": \"forever\"}"), 400,
                "INVALID_REQUEST", "'type'");
        assertGatewayError(gw.post("/api/v1/memory", "{\"content\": \"ok\", \"retention\": \"soon\"}"), 400,
                "INVALID_REQUEST", "'retention'");
        assertGatewayError(gw.get("/api/v1/memory/mem_doesnotexist"), 404, "NOT_FOUND", "mem_doesnotexist");

        HttpResult v2 = gw.get("/v2/memories/mem_nope");
        assertThat(v2.status()).isEqualTo(404);
        assertThat(v2.json().at("/error/code").asText()).isEqualTo("NOT_FOUND");
        HttpResult v2limit = gw.get("/v2/memories/search?query=x&limit=500");
        assertThat(v2limit.status()).isEqualTo(400);
        assertThat(v2limit.json().at("/error/message").asText()).contains("'limit'");
        assertThat(gw.get("/v2/memories?limit=0").status()).isEqualTo(400);
        HttpResult noAuth = gw.send("GET", "/api/v1/memory/search?query=x", null, Map.of());
        assertThat(noAuth.status()).isEqualTo(401);
        assertThat(gw.get("/v2/memories?tags=nothing-has-this").json().at("/pagination/total").asInt()).isZero();
    }

    @Test
    void scopesAreEnforced() {
        String readOnly = gw.gateway().services().auth().generate("memory-reader-" + System.nanoTime(),
                java.util.Set.of("memory:read"), "free", null).secret();
        Map<String, String> h = Map.of("X-API-Key", readOnly, "Content-Type", "application/json");
        assertThat(gw.send("GET", "/api/v1/memory/search?query=" + q("coffee"), null, h).status()).isEqualTo(200);
        HttpResult denied = gw.send("POST", "/api/v1/memory", "{\"content\": \"nope\"}", h);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().at("/error/message").asText()).contains("memory:write");
    }

    @Test
    void changingTheEmbeddingModelReindexesWithoutLosingItems() throws IOException {
        try (TestGateway g = TestGateway.start("memory:\n  embedding:\n    model: auto\n")) {
            String zh = g.post("/v2/memories", "{\"content\": \"用户住在杭州西湖区\"}").json().path("id").asText();
            String en = g.post("/v2/memories", "{\"content\": \"The user lives near the old harbour\"}").json()
                    .path("id").asText();
            assertThat(g.get("/v2/memories/" + zh).json().at("/embedding/model").asText())
                    .isEqualTo("bge-small-zh-v15-q");
            assertThat(g.get("/v2/memories/" + en).json().at("/embedding/model").asText())
                    .isEqualTo("all-minilm-l6-v2-q");
            g.restart(() -> {
                try {
                    Files.writeString(g.stateDir().resolve("config.yaml"),
                            "memory:\n  embedding:\n    model: bge-small-zh-v15-q\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertThat(g.get("/v2/memories").json().at("/pagination/total").asInt()).isEqualTo(2);
            JsonNode moved = g.get("/v2/memories/" + en).json();
            assertThat(moved.at("/embedding/model").asText()).isEqualTo("bge-small-zh-v15-q");
            assertThat(moved.at("/embedding/dimension").asInt()).isEqualTo(512);
            JsonNode hits = g.get("/v2/memories/search?query=" + q("where does the user live")).json();
            assertThat(hits.toString()).contains(en);
        }
    }

    @Test
    void apiKeysSeeTheirOwnAndSharedMemoriesOnly() {
        String a = gw.gateway().services().auth().generate("mem-a-" + System.nanoTime(),
                java.util.Set.of("memory:read", "memory:write"), "free", null).secret();
        String b = gw.gateway().services().auth().generate("mem-b-" + System.nanoTime(),
                java.util.Set.of("memory:read", "memory:write"), "free", null).secret();
        HttpResult created = gw.send("POST", "/v2/memories", "{\"content\": \"Key A's secret plan involves llamas\"}",
                Map.of("X-API-Key", a, "Content-Type", "application/json"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(gw.send("GET", "/v2/memories/" + id, null, Map.of("X-API-Key", a)).status()).isEqualTo(200);
        assertThat(gw.send("GET", "/v2/memories/" + id, null, Map.of("X-API-Key", b)).status()).isEqualTo(404);
        assertThat(gw.send("DELETE", "/v2/memories/" + id, null, Map.of("X-API-Key", b)).status()).isEqualTo(404);
        assertThat(gw.send("GET", "/v2/memories/search?query=" + q("llamas plan") + "&minScore=0", null,
                Map.of("X-API-Key", b)).body()).doesNotContain(id);
        assertThat(gw.send("GET", "/v2/memories/search?query=" + q("llamas plan"), null,
                Map.of("X-API-Key", a)).body()).contains(id);
        assertThat(gw.get("/v2/memories/" + id).status()).isEqualTo(200);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
