package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.GatewayExtension;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeReply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad input and provider failures: the dialect's envelope, the right status, a named field, nothing half-stored. */
class BadInputTest {
    @RegisterExtension
    static final GatewayExtension env = GatewayExtension.withConfig(f -> TestGateway.providerConfig(
            f.openAiBaseUrl(), null).replace("timeoutMs: 5000", "timeoutMs: 1500") + "gateway:\n  max_body_bytes: 4096\n");

    private static void assertGatewayError(HttpResult r, int status, String code, String messagePart) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        JsonNode body = r.json();
        assertThat(body.path("success").asBoolean(true)).isFalse();
        assertThat(body.at("/error/code").asText()).isEqualTo(code);
        assertThat(body.at("/error/message").asText()).contains(messagePart);
        assertThat(body.has("timestamp")).isTrue();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void malformedJsonIsInvalidRequestWithLocation() {
        assertGatewayError(env.gateway().post("/api/v1/message", "{\"text\": \"hi\""), 400, "INVALID_REQUEST", "not valid JSON");
        assertGatewayError(env.gateway().post("/api/v1/message", ""), 400, "INVALID_REQUEST", "empty");
        assertGatewayError(env.gateway().post("/api/v1/message", "[1,2]"), 400, "INVALID_REQUEST", "JSON object");
    }

    @Test
    void wrongTypesAndMissingFieldsNameTheField() {
        assertGatewayError(env.gateway().post("/api/v1/message", "{\"text\": 42}"), 400, "INVALID_REQUEST", "'text'");
        assertGatewayError(env.gateway().post("/api/v1/message", "{\"session\": \"x\"}"), 400, "INVALID_REQUEST", "'text'");
        assertGatewayError(env.gateway().post("/api/v1/chat", "{\"message\": \"hi\", \"context\": {\"temperature\": 9}}"), 400,
                "INVALID_REQUEST", "'context.temperature'");
        assertGatewayError(env.gateway().post("/api/v1/message", "{\"text\": \"hi\", \"stream\": \"yes\"}"), 400,
                "INVALID_REQUEST", "'stream'");
        assertGatewayError(env.gateway().post("/api/v1/sessions", "{\"messages\": [{\"role\": \"robot\", \"content\": \"x\"}]}"),
                400, "INVALID_REQUEST", "messages[0].role");
        assertGatewayError(env.gateway().get("/api/v1/sessions?limit=0"), 400, "INVALID_REQUEST", "'limit'");
        assertGatewayError(env.gateway().post("/api/v1/message", "{\"text\": \"hi\", \"session\": \"../etc/passwd\"}"), 400,
                "INVALID_REQUEST", "session id");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "{\"text\":\"hi\",\"x\":" + "[".repeat(200) + "]".repeat(200) + "}";
        assertGatewayError(env.gateway().post("/api/v1/message", deep), 400, "INVALID_REQUEST", "nesting");
    }

    @Test
    void unknownSessionIsNotFoundAndUnknownRouteToo() {
        assertGatewayError(env.gateway().post("/api/v1/sessions/no-such-session/messages",
                "{\"message\": {\"role\": \"user\", \"content\": \"hi\"}}"), 404, "NOT_FOUND", "no-such-session");
        assertGatewayError(env.gateway().get("/api/v1/sessions/no-such-session"), 404, "NOT_FOUND", "no-such-session");
        assertGatewayError(env.gateway().get("/api/v1/nothing-here"), 404, "NOT_FOUND", "no route");
        HttpResult v2 = env.gateway().get("/v2/conversations/nope");
        assertThat(v2.status()).isEqualTo(404);
        assertThat(v2.json().at("/error/code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void creatingAnExistingSessionIsConflict() {
        assertThat(env.gateway().post("/v1/sessions", "{\"session_id\": \"dup-1\"}").status()).isEqualTo(201);
        HttpResult again = env.gateway().post("/v1/sessions", "{\"session_id\": \"dup-1\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/error/code").asText()).isEqualTo("CONFLICT");
        assertGatewayError(env.gateway().post("/api/v1/sessions", "{\"sessionId\": \"dup-1\"}"), 409, "CONFLICT", "dup-1");
    }

    @Test
    void oversizedBodyIsPayloadTooLarge() {
        String big = "{\"text\": \"" + "x".repeat(10_000) + "\"}";
        assertGatewayError(env.gateway().post("/api/v1/message", big), 413, "PAYLOAD_TOO_LARGE", "4096");
    }

    @Test
    void missingAndWrongCredentialsAreUnauthorized() {
        HttpResult none = env.gateway().send("GET", "/api/v1/status", null, Map.of());
        assertGatewayError(none, 401, "UNAUTHORIZED", "missing credentials");
        assertThat(none.header("WWW-Authenticate")).contains("Bearer");
        assertGatewayError(env.gateway().send("GET", "/api/v1/status", null, Map.of("Authorization", "Bearer wrong")), 401,
                "UNAUTHORIZED", "invalid");
        assertGatewayError(env.gateway().send("GET", "/api/v1/status", null, Map.of("Authorization", "Basic abc")), 401,
                "UNAUTHORIZED", "missing");
        HttpResult tasks = env.gateway().send("GET", "/v1/sessions", null, Map.of("X-API-Key", "oc_api_sk_nope"));
        assertThat(tasks.status()).isEqualTo(401);
        assertThat(tasks.json().at("/error/code").asText()).isEqualTo("UNAUTHORIZED");
        assertThat(env.gateway().send("GET", "/health", null, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void providerErrorIsUpstreamErrorWithProviderMessageAndNothingStored() {
        env.fake().enqueue(FakeReply.error(500, "the model exploded"));
        HttpResult r = env.gateway().post("/api/v1/message", "{\"text\": \"hi\", \"session\": \"upstream-fail\"}");
        assertGatewayError(r, 502, "UPSTREAM_ERROR", "fake");
        assertThat(r.json().at("/error/details").asText()).contains("the model exploded");
        assertThat(env.gateway().get("/api/v1/sessions/upstream-fail").status()).isEqualTo(404);
    }

    @Test
    void providerHangIsTimeout() {
        env.fake().enqueue(FakeReply.hang());
        HttpResult r = env.gateway().post("/api/v1/message", "{\"text\": \"hi\", \"session\": \"upstream-hang\"}");
        assertGatewayError(r, 504, "TIMEOUT", "timed out");
        assertThat(env.gateway().get("/api/v1/sessions/upstream-hang").status()).isEqualTo(404);
    }

    @org.junit.jupiter.api.RepeatedTest(5)
    void streamThatFailsMidwayEndsWithAnErrorEvent() {
        env.fake().enqueue(FakeReply.streamThenFail("half an ans"));
        HttpResult r = env.gateway().post("/api/v1/message/stream", "{\"text\": \"hi\", \"session\": \"mid-fail\"}");
        if (r.status() == 200) {
            // the failure arrived after some text was streamed: the stream ends with an error event, never [DONE]
            JsonNode last = r.sseJson().get(r.sseJson().size() - 1);
            assertThat(last.at("/error/code").asText()).isIn("UPSTREAM_ERROR", "TIMEOUT");
            assertThat(r.sseData()).doesNotContain("[DONE]");
        } else {
            // the failure arrived before any text reached the client: an ordinary error response
            assertGatewayError(r, 502, "UPSTREAM_ERROR", "fake");
        }
        assertThat(env.gateway().get("/api/v1/sessions/mid-fail").status()).isEqualTo(404);
    }

    @Test
    void streamThatFailsBeforeAnyOutputIsAnOrdinaryError() {
        env.fake().enqueue(FakeReply.error(429, "slow down"));
        HttpResult r = env.gateway().post("/v1/chat/completions",
                "{\"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}");
        assertThat(r.status()).isEqualTo(502);
        assertThat(r.json().at("/error/details").asText()).contains("slow down");
    }

    @Test
    void gatewayKeepsServingAfterFailures() {
        env.fake().enqueue(FakeReply.delayed(Duration.ofMillis(10), FakeReply.text("still here")));
        HttpResult r = env.gateway().post("/api/v1/message", "{\"text\": \"ping\", \"session\": \"after-failures\"}");
        assertThat(r.json().at("/data/text").asText()).isEqualTo("still here");
    }
}
