package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.openclaw.testkit.GatewayExtension;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The MCP server at {@code /mcp} (issue 16): the official MCP TypeScript SDK client (npm
 * {@code @modelcontextprotocol/sdk}) lists and calls the gateway's tools, chats with an agent with streamed progress,
 * reads sessions as resources and gets a prompt; another key sees none of the first one's sessions; no credentials is
 * 401. Plus raw JSON-RPC over HTTP for what an SDK would hide: bad JSON and unknown methods.
 */
class McpServerTest {
    @RegisterExtension
    static final GatewayExtension env = GatewayExtension.withFakeProvider();

    @Test
    void officialTypeScriptClientWorksUnmodified() throws Exception {
        Path modules = Path.of("target/npm/node_modules").toAbsolutePath();
        assumeTrue(Files.isDirectory(modules.resolve("@modelcontextprotocol/sdk"))
                        && SeedExamplesTest.available("node", "--version"),
                "SKIPPED: npm @modelcontextprotocol/sdk (./scripts/test-deps.sh installs it into openclaw-it/target/npm)"
                        + " and node are needed");
        HttpResult key = env.gateway().post("/api/v1/keys", "{\"name\":\"mcp-other\",\"scopes\":[\"chat\"]}");
        assertThat(key.status()).isEqualTo(201);
        env.fake().enqueue(FakeReply.text("one two three"));
        Path script = Path.of("src/test/acceptance/mcp_client.js").toAbsolutePath();
        SeedExamplesTest.Run r = SeedExamplesTest.run(List.of("node", script.toString(), env.gateway().baseUrl(),
                TestGateway.TOKEN, key.json().at("/data/key").asText()), modules.toString());
        assertThat(r.out()).as(r.out()).doesNotContain("FAIL").contains("ok mcp client");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(env.fake().requests()).anySatisfy(req -> assertThat(req.toString()).contains("hello over mcp"));
    }

    @Test
    void rawJsonRpcErrorsAreJsonRpcErrors() {
        Map<String, String> h = Map.of("Authorization", "Bearer " + TestGateway.TOKEN, "Content-Type",
                "application/json", "Accept", "application/json, text/event-stream");
        HttpResult broken = env.gateway().send("POST", "/mcp", "{not json", h);
        assertThat(broken.status()).isBetween(400, 499);
        assertThat(broken.body()).doesNotContain("Exception", "at io.");
        HttpResult noSession = env.gateway().send("POST", "/mcp",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", h);
        assertThat(noSession.status()).isBetween(400, 499);
        HttpResult unauth = env.gateway().send("POST", "/mcp",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}", Map.of("Content-Type",
                        "application/json"));
        assertThat(unauth.status()).isEqualTo(401);
    }
}
