package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.CliRun;
import ai.openclaw.testkit.TestGateway;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CLI as a separate process against a running gateway's state dir (seed 001 and seed 002 flows). */
class CliTest {
    static TestGateway gw;


    @BeforeAll
    static void start() {
        gw = TestGateway.start();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }


    @Test
    void seed002ApiKeyGenerateServeRevoke() throws Exception {
        CliRun gen = CliRun.of(gw, "api", "key", "generate", "--name", "production");
        assertThat(gen.exit()).as(gen.err()).isZero();
        String key = gen.out();
        assertThat(key).startsWith("oc_api_sk_").hasSizeGreaterThan(30);
        HttpResult served = gw.send("POST", "/api/v1/chat", "{\"session_id\": \"cli-user\", \"message\": \"hi\"}",
                Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"));
        assertThat(served.status()).isEqualTo(200);
        assertThat(gw.send("GET", "/v2/conversations", null, Map.of("X-API-Key", key)).status()).isEqualTo(200);
        CliRun list = CliRun.of(gw, "api", "key", "list");
        assertThat(list.out()).contains("production").contains("active").doesNotContain(key);
        CliRun revoke = CliRun.of(gw, "api", "key", "revoke", "production");
        assertThat(revoke.exit()).as(revoke.err()).isZero();
        HttpResult refused = gw.send("POST", "/api/v1/chat", "{\"message\": \"hi\"}",
                Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(CliRun.of(gw, "api", "key", "list").out()).contains("revoked");
    }

    @Test
    void generatedKeyCarriesItsOwnRateLimit() throws Exception {
        CliRun gen = CliRun.of(gw, "api", "key", "generate", "--name", "limited", "--plan", "pro", "--scopes", "chat",
                "--limit", "burst=1", "--limit", "requests_per_minute=6");
        assertThat(gen.exit()).as(gen.err()).isZero();
        String key = gen.out();
        HttpResult first = gw.send("GET", "/v1/models", null, Map.of("X-API-Key", key));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("6");
        HttpResult second = gw.send("GET", "/v1/models", null, Map.of("X-API-Key", key));
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.header("Retry-After")).isEqualTo("10");
        assertThat(CliRun.of(gw, "api", "key", "list").out()).contains("limited").contains("burst=1");
        CliRun update = CliRun.of(gw, "api", "key", "update", "limited", "--limit", "burst=5");
        assertThat(update.exit()).as(update.err()).isZero();
        assertThat(update.out()).contains("burst=5").contains("requests_per_minute=6").contains("plan pro");
        assertThat(gw.send("GET", "/v1/models", null, Map.of("X-API-Key", key)).status())
                .as("the new burst applies at once").isEqualTo(200);
        CliRun bad = CliRun.of(gw, "api", "key", "generate", "--name", "bad-limit", "--limit", "speed=3");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("speed");
    }

    @Test
    void configGetSetAndGenerateToken() throws Exception {
        CliRun set = CliRun.of(gw, "config", "set", "gateway.rate_limit.requests_per_minute", "120");
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(CliRun.of(gw, "config", "get", "gateway.rate_limit.requests_per_minute").out()).isEqualTo("120");
        assertThat(CliRun.of(gw, "config", "get", "gateway.auth.token").out()).isEqualTo(TestGateway.TOKEN);
        CliRun missing = CliRun.of(gw, "config", "get", "no.such.key");
        assertThat(missing.exit()).isEqualTo(1);
        CliRun bad = CliRun.of(gw, "config", "set", "gateway.port", "not-a-port");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("gateway.port");
        CliRun token = CliRun.of(gw, "auth", "generate-token");
        assertThat(token.exit()).isZero();
        assertThat(token.out()).hasSize(48);
        assertThat(java.nio.file.Files.readString(gw.stateDir().resolve("config.yaml"))).contains(token.out());
    }

    @Test
    void chatAndStatusTalkToTheRunningGateway() throws Exception {
        CliRun chat = CliRun.of(gw, "chat", "hello from the cli", "--session", "cli-session");
        assertThat(chat.exit()).as(chat.err()).isZero();
        assertThat(chat.out()).contains("offline responder");
        CliRun stream = CliRun.of(gw, "chat", "stream please", "--session", "cli-session", "--stream");
        assertThat(stream.exit()).as(stream.err()).isZero();
        assertThat(stream.out()).contains("stream please");
        assertThat(gw.get("/api/v1/sessions/cli-session").json().at("/data/messageCount").asInt()).isEqualTo(4);
        CliRun status = CliRun.of(gw, "status");
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).contains("running").contains("builtin/offline");
        CliRun help = CliRun.of(gw, "gateway", "--help");
        assertThat(help.out()).contains("--port").contains("--bind");
    }
}
