package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.GatewayExtension;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The routes the dialect tests do not reach on their way: listings, deletes, health, request-id echo. */
class RemainingRoutesTest {
    @RegisterExtension
    static final GatewayExtension env = GatewayExtension.withFakeProvider();

    @Test
    void healthRoutesNeedNoCredentials() {
        TestGateway gw = env.gateway();
        for (String path : new String[] {"/health", "/healthz", "/ready"}) {
            HttpResult r = gw.send("GET", path, null, Map.of());
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.json().path("status").asText()).isIn("ok", "ready");
        }
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        TestGateway gw = env.gateway();
        HttpResult echoed = gw.send("GET", "/api/v1/status", null,
                Map.of("Authorization", "Bearer " + TestGateway.TOKEN, "X-Request-ID", "my-req-42"));
        assertThat(echoed.header("X-Request-ID")).isEqualTo("my-req-42");
        assertThat(gw.get("/api/v1/status").header("X-Request-ID")).startsWith("req_");
        HttpResult error = gw.send("GET", "/api/v1/status", null, Map.of("X-Request-ID", "err-1"));
        assertThat(error.header("X-Request-ID")).isEqualTo("err-1");
        assertThat(error.header("OpenClaw-Version")).isEqualTo("1.0");
    }

    @Test
    void tasksDialectSessionsListAndDelete() {
        TestGateway gw = env.gateway();
        String id = gw.post("/v1/sessions", "{\"agent_id\": \"main\"}").json().path("session_id").asText();
        JsonNode list = gw.get("/v1/sessions?limit=200").json();
        assertThat(list.path("sessions").findValuesAsText("session_id")).contains(id);
        assertThat(list.path("total").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(gw.get("/v1/sessions/" + id).json().path("session_id").asText()).isEqualTo(id);
        assertThat(gw.delete("/v1/sessions/" + id).json().path("deleted").asBoolean()).isTrue();
        assertThat(gw.get("/v1/sessions/" + id).status()).isEqualTo(404);
    }

    @Test
    void v2MessagesListingIsPaginated() {
        TestGateway gw = env.gateway();
        String id = gw.post("/v2/conversations", "{}").json().path("id").asText();
        gw.post("/v2/conversations/" + id + "/messages", "{\"content\": \"one\"}");
        gw.post("/v2/conversations/" + id + "/messages", "{\"content\": \"two\"}");
        JsonNode page = gw.get("/v2/conversations/" + id + "/messages?limit=2&page=2").json();
        assertThat(page.path("messages")).hasSize(2);
        assertThat(page.at("/messages/0/content").asText()).isEqualTo("two");
        assertThat(page.at("/pagination/total").asInt()).isEqualTo(4);
        assertThat(page.at("/pagination/page").asInt()).isEqualTo(2);
        assertThat(gw.get("/v2/conversations?limit=200").json().path("conversations").findValuesAsText("id"))
                .contains(id);
    }

    @Test
    void gatewayMessageWithStreamTrueStreams() {
        HttpResult r = env.gateway().post("/api/v1/message", "{\"text\": \"hi\", \"stream\": true}");
        assertThat(r.header("Content-Type")).startsWith("text/event-stream");
        assertThat(r.sseData()).last().isEqualTo("[DONE]");
    }
}
