package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.openclaw.testkit.GatewayExtension;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeReply;
import ai.openclaw.testkit.fake.FakeToolCall;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Control UI and seed 001's HTML chat page in real headless Chromium (Debian's chromium driven by puppeteer-core):
 * log in, a streamed reply, tool cards, a past session, a new agent, memory search, a phone-sized viewport; and the
 * seed page served from another local origin calling the gateway cross-origin. Screenshots go to
 * {@code target/screenshots/control-ui}.
 */
class ControlUiBrowserTest {
    @RegisterExtension
    static final GatewayExtension env = GatewayExtension.withConfig(f -> TestGateway.providerConfig(
            f.openAiBaseUrl(), null) + "agents: { toolsByDefault: true }\n");

    @Test
    void controlUiAndSeedChatPageWorkInHeadlessChromium() throws Exception {
        Path modules = Path.of("target/npm/node_modules").toAbsolutePath();
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")),
                "SKIPPED: Debian's chromium is not installed (./scripts/test-deps.sh installs it)");
        assumeTrue(Files.isDirectory(modules.resolve("puppeteer-core")) && SeedExamplesTest.available("node",
                "--version"), "SKIPPED: puppeteer-core (./scripts/test-deps.sh) and node are needed");
        TestGateway gw = env.gateway();
        assertThat(gw.post("/api/v1/message", "{\"text\":\"remember the blue door\",\"session\":\"past-session\"}")
                .status()).isEqualTo(200);
        assertThat(gw.post("/api/v1/memory", "{\"content\":\"The project codename is Bluebird\",\"tags\":[\"project\"]}")
                .status()).isBetween(200, 201);
        env.fake().enqueue(FakeReply.echo());
        env.fake().enqueue(FakeReply.toolCalls(List.of(new FakeToolCall("call_1", "file_list", "{}"))));
        env.fake().enqueue(FakeReply.echoToolResult());

        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String port = gw.baseUrl().substring(gw.baseUrl().lastIndexOf(':') + 1);
        byte[] page = seedChatPage().replace("YOUR_TOKEN", TestGateway.TOKEN)
                .replace("http://localhost:18789", "http://localhost:" + port).getBytes(StandardCharsets.UTF_8);
        site.createContext("/", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
            ex.close();
        });
        site.start();
        Path shots = Path.of("target/screenshots/control-ui").toAbsolutePath();
        Files.createDirectories(shots);
        try {
            SeedExamplesTest.Run r = SeedExamplesTest.run(List.of("node",
                    Path.of("src/test/acceptance/control_ui.js").toAbsolutePath().toString(), gw.baseUrl(),
                    TestGateway.TOKEN, "http://127.0.0.1:" + site.getAddress().getPort() + "/chat.html",
                    shots.toString()), modules.toString());
            assertThat(r.out()).as(r.out()).doesNotContain("FAIL").contains("ok control ui");
            assertThat(r.exit()).as(r.out()).isZero();
        } finally {
            site.stop(0);
        }
        assertThat(shots.resolve("02-chat-streamed.png")).exists();
        assertThat(shots.resolve("09-seed001-page.png")).exists();
    }

    /** The HTML chat page of seed 001 ("HTML 聊天界面"), as the seed prints it. */
    static String seedChatPage() throws Exception {
        Path seeds = Path.of(System.getProperty("openclaw.seeds", "/work/shared/seeds"));
        assumeTrue(Files.isDirectory(seeds), "SKIPPED: the seeds directory " + seeds + " is not present");
        try (var files = Files.list(seeds)) {
            Path seed = files.filter(p -> p.getFileName().toString().startsWith("001_")).findFirst().orElseThrow();
            Matcher m = Pattern.compile("(?s)<!DOCTYPE html>.*?</html>").matcher(Files.readString(seed));
            assertThat(m.find()).as("seed 001 holds an HTML page").isTrue();
            return m.group();
        }
    }
}
