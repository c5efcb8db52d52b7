package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeProvider;
import ai.openclaw.testkit.fake.FakeReply;
import ai.openclaw.testkit.fake.FakeToolCall;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway as an MCP client (issue 16), over real processes and sockets: npm's reference servers
 * {@code @modelcontextprotocol/server-filesystem} and {@code server-everything} over stdio, and a second gateway's
 * own {@code /mcp} over Streamable HTTP, configured under {@code mcp.servers}. Their tools appear in {@code /v1/tools}
 * as {@code server__tool}, run through {@code /tools/invoke}, and an agent calls them in a turn; a server that cannot
 * start costs nothing but its own tools.
 */
class McpClientTest {
    private static final Path MODULES = Path.of("target/npm/node_modules/@modelcontextprotocol").toAbsolutePath();
    private static FakeProvider fake;
    private static TestGateway remote;
    private static TestGateway gw;
    private static Path files;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isRegularFile(MODULES.resolve("server-filesystem/dist/index.js"))
                        && Files.isRegularFile(MODULES.resolve("server-everything/dist/index.js"))
                        && SeedExamplesTest.available("node", "--version"),
                "SKIPPED: node and the npm packages @modelcontextprotocol/server-filesystem and server-everything "
                        + "(./scripts/test-deps.sh installs them into openclaw-it/target/npm) are needed");
        fake = FakeProvider.start();
        remote = TestGateway.start("");
        files = Files.createTempDirectory("mcp-files-").toRealPath();
        Files.writeString(files.resolve("hello.txt"), "hello from the filesystem server");
        gw = TestGateway.start(TestGateway.providerConfig(fake.openAiBaseUrl(), null) + """
                mcp:
                  servers:
                    fs: { command: node, args: ["%s", "%s"] }
                    everything: { command: node, args: ["%s", "stdio"] }
                    remote: { url: "%s/mcp", headers: { Authorization: "Bearer %s" } }
                    broken: { command: /nonexistent/mcp-server, timeoutSeconds: 5 }
                """.formatted(MODULES.resolve("server-filesystem/dist/index.js"), files,
                MODULES.resolve("server-everything/dist/index.js"), remote.baseUrl(), TestGateway.TOKEN));
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> toolNames().containsAll(List.of("fs__read_text_file", "everything__echo",
                        "remote__sessions_list")));
    }

    @AfterAll
    static void stop() {
        if (gw != null) {
            gw.close();
            remote.close();
            fake.close();
        }
    }

    private static List<String> toolNames() {
        List<String> names = new ArrayList<>();
        gw.get("/v1/tools").json().forEach(t -> names.add(t.path("name").asText()));
        return names;
    }

    @Test
    void serversToolsAreListedWithTheirSchemas() {
        JsonNode tools = gw.get("/v1/tools").json();
        JsonNode echo = null;
        for (JsonNode t : tools) {
            if (t.path("name").asText().equals("everything__echo")) {
                echo = t;
            }
        }
        assertThat(echo).isNotNull();
        assertThat(echo.path("type").asText()).isEqualTo("mcp");
        assertThat(echo.at("/input_schema/properties/message")).isNotNull();
        assertThat(toolNames()).noneMatch(n -> n.startsWith("broken__"));
    }

    @Test
    void toolsRunThroughToolsInvoke() {
        HttpResult echo = gw.post("/tools/invoke", "{\"tool\":\"everything__echo\",\"args\":{\"message\":\"hi mcp\"}}");
        assertThat(echo.status()).as(echo.body()).isEqualTo(200);
        assertThat(echo.json().path("ok").asBoolean()).isTrue();
        assertThat(echo.json().path("result").toString()).contains("hi mcp");

        HttpResult read = gw.post("/tools/invoke", "{\"tool\":\"fs__read_text_file\",\"args\":{\"path\":\""
                + files.resolve("hello.txt") + "\"}}");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("result").toString()).contains("hello from the filesystem server");

        HttpResult outside = gw.post("/tools/invoke", "{\"tool\":\"fs__read_text_file\",\"args\":{\"path\":\"/etc/passwd\"}}");
        assertThat(outside.json().path("ok").asBoolean()).isFalse();
        assertThat(outside.json().at("/error/message").asText()).contains("fs__read_text_file");

        HttpResult viaHttp = gw.post("/tools/invoke", "{\"tool\":\"remote__sessions_list\",\"args\":{}}");
        assertThat(viaHttp.status()).as(viaHttp.body()).isEqualTo(200);

        HttpResult broken = gw.post("/tools/invoke", "{\"tool\":\"broken__anything\",\"args\":{}}");
        assertThat(broken.status()).isEqualTo(404);
    }

    @Test
    void anAgentCallsToolsOfBothServersInATurn() {
        fake.enqueue(FakeReply.toolCalls(List.of(
                new FakeToolCall("call_1", "everything__echo", "{\"message\":\"from the agent\"}"),
                new FakeToolCall("call_2", "fs__read_text_file", "{\"path\":\"" + files.resolve("hello.txt") + "\"}"))));
        fake.enqueue(FakeReply.text("done"));
        HttpResult r = gw.post("/api/v1/message", "{\"text\":\"use your tools\",\"session\":\"mcp-agent\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/data/text").asText()).isEqualTo("done");
        String second = fake.requests().get(fake.requests().size() - 1).body();
        assertThat(second).contains("from the agent", "hello from the filesystem server");
        assertThat(fake.requests().get(fake.requests().size() - 2).body()).contains("everything__echo",
                "fs__read_text_file");
    }
}
