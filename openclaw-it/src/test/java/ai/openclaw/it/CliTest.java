package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CLI as a separate process against a running gateway's state dir (seed 001 and seed 002 flows). */
class CliTest {
    static TestGateway gw;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void start() {
        gw = TestGateway.start();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    static Run cli(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("ai.openclaw.cli.Main");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("OPENCLAW_STATE_DIR", gw.stateDir().toString());
        env.remove("OPENCLAW_CONFIG_PATH");
        env.put("OPENCLAW_GATEWAY_TOKEN", TestGateway.TOKEN);
        env.put("OPENCLAW_GATEWAY_URL", gw.baseUrl());
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8).strip(),
                new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void seed002ApiKeyGenerateServeRevoke() throws Exception {
        Run gen = cli("api", "key", "generate", "--name", "production");
        assertThat(gen.exit()).as(gen.err()).isZero();
        String key = gen.out();
        assertThat(key).startsWith("oc_api_sk_").hasSizeGreaterThan(30);
        HttpResult served = gw.send("POST", "/api/v1/chat", "{\"session_id\": \"cli-user\", \"message\": \"hi\"}",
                Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"));
        assertThat(served.status()).isEqualTo(200);
        assertThat(gw.send("GET", "/v2/conversations", null, Map.of("X-API-Key", key)).status()).isEqualTo(200);
        Run list = cli("api", "key", "list");
        assertThat(list.out()).contains("production").contains("active").doesNotContain(key);
        Run revoke = cli("api", "key", "revoke", "production");
        assertThat(revoke.exit()).as(revoke.err()).isZero();
        HttpResult refused = gw.send("POST", "/api/v1/chat", "{\"message\": \"hi\"}",
                Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(cli("api", "key", "list").out()).contains("revoked");
    }

    @Test
    void generatedKeyCarriesItsOwnRateLimit() throws Exception {
        Run gen = cli("api", "key", "generate", "--name", "limited", "--plan", "pro", "--scopes", "chat",
                "--limit", "burst=1", "--limit", "requests_per_minute=6");
        assertThat(gen.exit()).as(gen.err()).isZero();
        String key = gen.out();
        HttpResult first = gw.send("GET", "/v1/models", null, Map.of("X-API-Key", key));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("6");
        HttpResult second = gw.send("GET", "/v1/models", null, Map.of("X-API-Key", key));
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.header("Retry-After")).isEqualTo("10");
        assertThat(cli("api", "key", "list").out()).contains("limited").contains("burst=1");
        Run update = cli("api", "key", "update", "limited", "--limit", "burst=5");
        assertThat(update.exit()).as(update.err()).isZero();
        assertThat(update.out()).contains("burst=5").contains("requests_per_minute=6").contains("plan pro");
        assertThat(gw.send("GET", "/v1/models", null, Map.of("X-API-Key", key)).status())
                .as("the new burst applies at once").isEqualTo(200);
        Run bad = cli("api", "key", "generate", "--name", "bad-limit", "--limit", "speed=3");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("speed");
    }

    @Test
    void configGetSetAndGenerateToken() throws Exception {
        Run set = cli("config", "set", "gateway.rate_limit.requests_per_minute", "120");
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(cli("config", "get", "gateway.rate_limit.requests_per_minute").out()).isEqualTo("120");
        assertThat(cli("config", "get", "gateway.auth.token").out()).isEqualTo(TestGateway.TOKEN);
        Run missing = cli("config", "get", "no.such.key");
        assertThat(missing.exit()).isEqualTo(1);
        Run bad = cli("config", "set", "gateway.port", "not-a-port");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("gateway.port");
        Run token = cli("auth", "generate-token");
        assertThat(token.exit()).isZero();
        assertThat(token.out()).hasSize(48);
        assertThat(java.nio.file.Files.readString(gw.stateDir().resolve("config.yaml"))).contains(token.out());
    }

    @Test
    void chatAndStatusTalkToTheRunningGateway() throws Exception {
        Run chat = cli("chat", "hello from the cli", "--session", "cli-session");
        assertThat(chat.exit()).as(chat.err()).isZero();
        assertThat(chat.out()).contains("offline responder");
        Run stream = cli("chat", "stream please", "--session", "cli-session", "--stream");
        assertThat(stream.exit()).as(stream.err()).isZero();
        assertThat(stream.out()).contains("stream please");
        assertThat(gw.get("/api/v1/sessions/cli-session").json().at("/data/messageCount").asInt()).isEqualTo(4);
        Run status = cli("status");
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).contains("running").contains("builtin/offline");
        Run help = cli("gateway", "--help");
        assertThat(help.out()).contains("--port").contains("--bind");
    }
}
