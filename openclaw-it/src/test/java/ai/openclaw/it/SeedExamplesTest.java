package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.openclaw.testkit.GatewayExtension;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Acceptance: the seeds' own curl and Python examples, and the official OpenAI Node SDK, run unmodified (host and
 * token changed) against a gateway with a configured OpenAI-compatible provider.
 */
class SeedExamplesTest {
    @RegisterExtension
    static final GatewayExtension env = GatewayExtension.withFakeProvider();
    static String apiKey;

    @BeforeAll
    static void key() {
        apiKey = env.gateway().gateway().services().auth().generate("acceptance", null, null, null).secret();
    }

    record Run(int exit, String out) {
    }

    static boolean available(String... probe) {
        try {
            Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Run run(List<String> cmd, String nodePath) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (nodePath != null) {
            pb.environment().put("NODE_PATH", nodePath);
        }
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void seedCurlAndPythonExamplesGetWellFormedAnswers() throws Exception {
        assumeTrue(available("python3", "-c", "import json, urllib.request") && available("curl", "--version"),
                "python3 and curl are needed (scripts/deps.d/acceptance.sh lists them for ./scripts/test-deps.sh)");
        Path script = Path.of("src/test/acceptance/seed_examples.py").toAbsolutePath();
        // seed 000's task names input_file "data.csv": it lives in the workspace
        Path csv = env.gateway().stateDir().resolve("workspace/data.csv");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, "city,sales\nBeijing,120\nShanghai,95\n", StandardCharsets.UTF_8);
        Run r = run(List.of("python3", script.toString(), env.gateway().baseUrl(), TestGateway.TOKEN, apiKey,
                csv.toString()), null);
        assertThat(r.out()).doesNotContain("FAIL").contains("ok   004 python send_message")
                .contains("ok   000 data-processing task completes").contains("ok   003 message with an attachment");
        assertThat(r.exit()).as(r.out()).isZero();
    }

    @Test
    void officialOpenAiNodeSdkWorksUnmodified() throws Exception {
        Path modules = Path.of("target/npm/node_modules").toAbsolutePath();
        assumeTrue(Files.isDirectory(modules.resolve("openai")) && available("node", "--version"),
                "the openai npm package (test.sh installs it into openclaw-it/target/npm) and node are needed");
        Path script = Path.of("src/test/acceptance/openai_sdk.js").toAbsolutePath();
        Run r = run(List.of("node", script.toString(), env.gateway().baseUrl(), TestGateway.TOKEN), modules.toString());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("ok openai sdk");
    }
}
