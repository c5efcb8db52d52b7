package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.openclaw.testkit.ExternalProcess;
import ai.openclaw.testkit.GatewayExtension;
import ai.openclaw.testkit.TestGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs each SDK's own test suite with its ecosystem's runner ({@code python3 -m unittest}, {@code node --test},
 * {@code go test}) so the Maven build covers them. Their live tests (streaming, 401/404/429 with retryAfter,
 * pagination, the webhook verifier against a delivery made by the gateway) talk to this class's gateway, named by
 * {@code OPENCLAW_TEST_BASE_URL} / {@code OPENCLAW_TEST_TOKEN}. A missing toolchain skips its SDK visibly.
 */
class SdkUnitTestsTest {
    @RegisterExtension
    static final GatewayExtension env = GatewayExtension.withConfig(f -> SdkSnippetsTest.sdkConfig(f.openAiBaseUrl()));

    @TempDir
    Path tmp;

    static Path sdk(String lang) {
        return Path.of("").toAbsolutePath().getParent().resolve("sdk").resolve(lang);
    }

    Map<String, String> liveEnv() {
        Map<String, String> e = new HashMap<>();
        e.put("OPENCLAW_TEST_BASE_URL", env.gateway().baseUrl());
        e.put("OPENCLAW_TEST_TOKEN", TestGateway.TOKEN);
        return e;
    }

    static void assertPassed(ExternalProcess r, String skippedMarker) {
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).as("the live tests ran against the gateway").doesNotContain(skippedMarker);
    }

    @Test
    void everySdkIsVersionedWithTheGateway() throws IOException {
        String pom = Files.readString(sdk("..").resolve("pom.xml"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<artifactId>openclaw-parent</artifactId>\\s*"
                + "<version>([^<-]+)").matcher(pom);
        assertThat(m.find()).isTrue();
        String version = m.group(1);
        assertThat(Files.readString(sdk("python").resolve("pyproject.toml"))).contains("version = \"" + version + "\"");
        assertThat(Files.readString(sdk("python").resolve("openclaw/_version.py"))).contains("\"" + version + "\"");
        assertThat(Files.readString(sdk("js").resolve("package.json"))).contains("\"version\": \"" + version + "\"");
        assertThat(Files.readString(sdk("js").resolve("scoped/package.json")))
                .contains("\"version\": \"" + version + "\"", "\"openclaw-sdk\": \"" + version + "\"");
        assertThat(Files.readString(sdk("go").resolve("version.go"))).contains("\"" + version + "\"");
        assertThat(ai.openclaw.sdk.OpenClawClient.VERSION).isEqualTo(version);
    }

    @Test
    void pythonSdkUnitTests() {
        assumeTrue(SdkToolchains.python(), SdkToolchains.PYTHON_MISSING);
        Map<String, String> e = liveEnv();
        e.put("PYTHONDONTWRITEBYTECODE", "1");
        ExternalProcess r = ExternalProcess.run(List.of("python3", "-m", "unittest", "discover", "-v", "-s", "tests",
                "-t", "."), sdk("python"), e, 600);
        assertPassed(r, "no live gateway");
        assertThat(r.output()).contains("test_webhook_verifier_accepts_a_gateway_delivery", "OK");
    }

    @Test
    void jsSdkUnitTests() throws IOException {
        assumeTrue(SdkToolchains.node(), SdkToolchains.NODE_MISSING);
        List<String> cmd = new ArrayList<>(List.of("node", "--test"));
        try (Stream<Path> files = Files.list(sdk("js").resolve("test"))) {
            files.filter(p -> p.toString().endsWith(".test.js")).sorted().forEach(p -> cmd.add(p.toString()));
        }
        ExternalProcess r = ExternalProcess.run(cmd, sdk("js"), liveEnv(), 600);
        assertPassed(r, "# SKIP");
        assertThat(r.output()).contains("# fail 0");
    }

    @Test
    void goSdkUnitTests() {
        assumeTrue(SdkToolchains.go(), SdkToolchains.GO_MISSING);
        Map<String, String> e = liveEnv();
        e.putAll(SdkToolchains.goEnv(tmp));
        ExternalProcess r = ExternalProcess.run(List.of("go", "test", "-count=1", "-v", "./..."), sdk("go"), e, 900);
        assertPassed(r, "no live gateway");
        assertThat(r.output()).contains("--- PASS: TestLiveWebhookVerifier");
    }
}
