package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: the seeds' own curl and Python examples, and the official OpenAI Node SDK, run unmodified (host and
 * token changed) against a gateway with a configured OpenAI-compatible provider.
 */
class SeedExamplesTest {
    static FakeProvider fake;
    static TestGateway gw;
    static String apiKey;

    record Run(int exit, String out) {
    }

    @BeforeAll
    static void start() {
        fake = FakeProvider.start();
        gw = TestGateway.start(TestGateway.providerConfig(fake.openAiBaseUrl(), null));
        apiKey = gw.gateway().services().auth().generate("acceptance", Set.of(), null, null).secret();
    }

    @AfterAll
    static void stop() {
        gw.close();
        fake.close();
    }

    static boolean available(String... probe) {
        try {
            return new ProcessBuilder(probe).redirectErrorStream(true).start().waitFor(20, TimeUnit.SECONDS);
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
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void seedCurlAndPythonExamplesGetWellFormedAnswers() throws Exception {
        assumeTrue(available("python3", "-c", "import requests") && available("curl", "--version"),
                "python3 with requests, and curl, are needed");
        Path script = Path.of("src/test/acceptance/seed_examples.py").toAbsolutePath();
        Run r = run(List.of("python3", script.toString(), gw.baseUrl(), TestGateway.TOKEN, apiKey), null);
        assertThat(r.out()).doesNotContain("FAIL").contains("ok   004 python send_message");
        assertThat(r.exit()).as(r.out()).isZero();
    }

    @Test
    void officialOpenAiNodeSdkWorksUnmodified() throws Exception {
        Path modules = Path.of("target/npm/node_modules").toAbsolutePath();
        assumeTrue(Files.isDirectory(modules.resolve("openai")) && available("node", "--version"),
                "the openai npm package (test.sh installs it into openclaw-it/target/npm) and node are needed");
        Path script = Path.of("src/test/acceptance/openai_sdk.js").toAbsolutePath();
        Run r = run(List.of("node", script.toString(), gw.baseUrl(), TestGateway.TOKEN), modules.toString());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("ok openai sdk");
    }
}
