package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.openclaw.testkit.GatewayExtension;
import ai.openclaw.testkit.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: OpenClaw's own Node client, npm {@code openclaw-node@0.14.0}, unmodified, connects over the WebSocket
 * gateway protocol with the gateway token and runs health, chatSync, a streamed agent turn, sessions.list,
 * chat.history, agents.list and config.get, then reconnects with the device token it was issued.
 */
class OpenClawNodeClientTest {
    @RegisterExtension
    static final GatewayExtension env = GatewayExtension.withFakeProvider();

    @Test
    void openclawNodeWorksUnmodified(@TempDir Path dir) throws Exception {
        Path modules = Path.of("target/npm/node_modules").toAbsolutePath();
        assumeTrue(Files.isDirectory(modules.resolve("openclaw-node"))
                        && SeedExamplesTest.available("node", "--version"),
                "SKIPPED: the openclaw-node npm package (./scripts/test-deps.sh installs it into openclaw-it/target/npm)"
                        + " and node are needed");
        Path script = Path.of("src/test/acceptance/openclaw_node.js").toAbsolutePath();
        String url = env.gateway().baseUrl().replace("http://", "ws://");
        SeedExamplesTest.Run r = SeedExamplesTest.run(List.of("node", "--experimental-websocket", script.toString(),
                url, TestGateway.TOKEN, dir.toString()), modules.toString());
        assertThat(r.out()).as(r.out()).doesNotContain("FAIL").contains("ok openclaw-node");
        assertThat(r.exit()).as(r.out()).isZero();
    }
}
