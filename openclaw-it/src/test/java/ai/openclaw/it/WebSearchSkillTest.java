package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.testkit.FakeWebSite;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the bundled {@code web-search} skill seed 003 lists, over real sockets — a gateway whose
 * {@code skills.webSearch} names a fake SearXNG on 127.0.0.1 answers a search through the skill API and installs the
 * skill as seed 003 does; {@code GET /v2/skills} shows each skill's {@code version}, {@code category} and
 * {@code author} from its SKILL.md; without a provider a search is a clear UPSTREAM_ERROR, and a bad provider name
 * stops the gateway at start naming the key.
 */
class WebSearchSkillTest {
    static final String SEARX = "{\"results\": [{\"title\": \"OpenClaw\", \"url\": \"https://openclaw.ai/docs\", "
            + "\"content\": \"OpenClaw is an AI agent gateway\"}]}";

    @Test
    void searchesTheConfiguredProviderAndShowsSkillMetadata() throws Exception {
        try (FakeWebSite searx = FakeWebSite.start().page("/search", "application/json", SEARX);
             TestGateway gw = TestGateway.start("skills:\n  webSearch: { provider: searxng, url: \"" + searx.baseUrl()
                     + "\", maxResults: 3 }\n")) {
            HttpResult r = gw.post("/api/v1/skills/web-search/execute", "{\"args\": [\"OpenClaw 网关\"]}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode result = r.json().path("data").path("result");
            assertThat(result.path("provider").asText()).isEqualTo("searxng");
            assertThat(result.path("results").get(0).path("url").asText()).isEqualTo("https://openclaw.ai/docs");
            assertThat(result.path("results").get(0).path("snippet").asText()).contains("agent gateway");
            assertThat(searx.hits()).anySatisfy(h -> assertThat(h.uri())
                    .isEqualTo("/search?q=OpenClaw+%E7%BD%91%E5%85%B3&format=json"));

            // seed 003 安装技能, as written
            assertThat(gw.post("/v2/agents", "{\"id\": \"agent-123\", \"name\": \"a\"}").status()).isEqualTo(201);
            HttpResult installed = gw.post("/v2/agents/agent-123/skills", "{\"skillId\": \"web-search\", \"version\": "
                    + "\"2.1.0\", \"config\": {\"provider\": \"google\", \"maxResults\": 10}}");
            assertThat(installed.status()).as(installed.body()).isEqualTo(201);

            // a skill of the operator's, with its own metadata
            gw.restart(() -> {
                try {
                    Path dir = Files.createDirectories(gw.stateDir().resolve("skills/meeting-notes"));
                    Files.writeString(dir.resolve("SKILL.md"), "---\nname: meeting-notes\ndescription: 会议纪要\n"
                            + "version: 3.2.1\ncategory: productivity\nauthor: jane\n---\nSummarise meetings.\n",
                            StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            JsonNode info = gw.get("/v2/skills?category=information&limit=50").json().path("skills");
            assertThat(info.findValues("id").stream().map(JsonNode::asText)).contains("web-search", "weather");
            for (JsonNode s : info) {
                if (s.path("id").asText().equals("web-search")) {
                    assertThat(s.path("version").asText()).isEqualTo("2.1.0");
                    assertThat(s.path("author").asText()).isEqualTo("openclaw");
                    assertThat(s.path("name").asText()).isEqualTo("web-search");
                }
            }
            JsonNode productivity = gw.get("/v2/skills?category=productivity").json().path("skills");
            assertThat(productivity).anySatisfy(s -> {
                assertThat(s.path("id").asText()).isEqualTo("meeting-notes");
                assertThat(s.path("version").asText()).isEqualTo("3.2.1");
                assertThat(s.path("category").asText()).isEqualTo("productivity");
                assertThat(s.path("author").asText()).isEqualTo("jane");
                assertThat(s.path("description").asText()).isEqualTo("会议纪要");
            });
        }
    }

    @Test
    void withoutAProviderASearchIsAClearUpstreamError() {
        try (TestGateway gw = TestGateway.start()) {
            HttpResult r = gw.post("/api/v1/skills/web-search/execute", "{\"args\": [\"anything\"]}");
            assertThat(r.status()).as(r.body()).isEqualTo(502);
            assertThat(r.json().path("error").path("code").asText()).isEqualTo("UPSTREAM_ERROR");
            assertThat(r.json().path("error").path("message").asText()).contains("skills.webSearch.provider");
        }
    }

    @Test
    void anUnknownProviderStopsTheGatewayNamingTheKey() {
        assertThatThrownBy(() -> TestGateway.start("skills:\n  webSearch: { provider: google }\n").close())
                .hasStackTraceContaining("skills.webSearch.provider must be searxng, brave or tavily");
    }
}
