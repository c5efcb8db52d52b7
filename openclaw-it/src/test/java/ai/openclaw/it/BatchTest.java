package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seed 003 batch: operations run in order through the router with the caller's credentials. */
class BatchTest {
    @Test
    void operationsRunInOrderAndFailuresDoNotAbort() {
        try (TestGateway gw = TestGateway.start()) {
            HttpResult r = gw.post("/v2/batch", "{\"operations\": ["
                    + "{\"method\": \"POST\", \"path\": \"/conversations\", \"body\": {\"id\": \"conv-1\", "
                    + "\"agentId\": \"agent-1\"}},"
                    + "{\"method\": \"POST\", \"path\": \"/conversations/conv-1/messages\", \"body\": {\"content\": "
                    + "\"消息1\"}},"
                    + "{\"method\": \"POST\", \"path\": \"/conversations/nope/messages\", \"body\": {\"content\": "
                    + "\"x\"}},"
                    + "{\"method\": \"POST\", \"path\": \"/conversations/conv-1/messages\", \"body\": {\"content\": "
                    + "\"消息2\"}},"
                    + "{\"method\": \"GET\", \"path\": \"/v1/tasks\"}]}");
            assertThat(r.status()).isEqualTo(200);
            JsonNode results = r.json().path("results");
            assertThat(results.size()).isEqualTo(5);
            assertThat(results.get(0).path("status").asInt()).isEqualTo(201);
            assertThat(results.get(0).at("/body/agentId").asText()).isEqualTo("agent-1");
            assertThat(results.get(1).path("status").asInt()).isEqualTo(201);
            assertThat(results.get(2).path("status").asInt()).isEqualTo(404);
            assertThat(results.get(2).at("/body/error/code").asText()).isEqualTo("NOT_FOUND");
            assertThat(results.get(3).path("status").asInt()).isEqualTo(201);
            assertThat(results.get(4).path("status").asInt()).isEqualTo(200);
            assertThat(r.json().path("succeeded").asInt()).isEqualTo(4);
            assertThat(r.json().path("failed").asInt()).isEqualTo(1);
            JsonNode msgs = gw.get("/v2/conversations/conv-1/messages").json().path("messages");
            assertThat(msgs.findValuesAsText("content")).startsWith("消息1").contains("消息2");
        }
    }

    @Test
    void theCallersCredentialsApplyAndTheSizeIsLimited() {
        try (TestGateway gw = TestGateway.start("batch:\n  maxOperations: 3\n")) {
            String op = "{\"method\": \"GET\", \"path\": \"/conversations\"}";
            HttpResult big = gw.post("/v2/batch", "{\"operations\": [" + op + "," + op + "," + op + "," + op + "]}");
            assertThat(big.status()).isEqualTo(400);
            assertThat(big.json().at("/error/code").asText()).isEqualTo("INVALID_REQUEST");
            assertThat(big.json().at("/error/message").asText()).contains("operations", "3");
            assertThat(gw.post("/v2/batch", "{\"operations\": [{\"method\": \"POST\", \"path\": \"/batch\"}]}")
                    .status()).isEqualTo(400);
            assertThat(gw.send("POST", "/v2/batch", "{\"operations\": [" + op + "]}",
                    Map.of("Content-Type", "application/json")).status()).isEqualTo(401);

            String secret = gw.gateway().services().auth().generate("chat-only", java.util.Set.of("chat"), "free",
                    null).secret();
            HttpResult limited = gw.send("POST", "/v2/batch", "{\"operations\": [" + op + ", {\"method\": "
                    + "\"GET\", \"path\": \"/v1/tasks\"}]}", Map.of("X-API-Key", secret,
                    "Content-Type", "application/json"));
            assertThat(limited.status()).isEqualTo(200);
            assertThat(limited.json().at("/results/0/status").asInt()).isEqualTo(200);
            assertThat(limited.json().at("/results/1/status").asInt()).isEqualTo(403);
        }
    }
    private static String ops(int n) {
        StringBuilder sb = new StringBuilder("{\"operations\": [");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"method\": \"GET\", \"path\": \"/conversations\"}");
        }
        return sb.append("]}").toString();
    }

    private static HttpResult as(TestGateway gw, String key, String body) {
        return gw.send("POST", "/v2/batch", body, Map.of("X-API-Key", key, "Content-Type", "application/json"));
    }

    @Test
    void batchSizesFollowThePlanTable() {
        try (TestGateway gw = TestGateway.start()) {
            var auth = gw.gateway().services().auth();
            Map<String, Integer> sizes = Map.of("free", 10, "pro", 50, "enterprise", 100);
            for (var e : sizes.entrySet()) {
                String key = auth.generate("k-" + e.getKey(), java.util.Set.of("chat"), e.getKey(), null).secret();
                HttpResult full = as(gw, key, ops(e.getValue()));
                assertThat(full.status()).as(e.getKey() + ": " + full.body()).isEqualTo(200);
                assertThat(full.json().path("succeeded").asInt()).as(e.getKey()).isEqualTo(e.getValue());
                HttpResult over = as(gw, key, ops(e.getValue() + 1));
                assertThat(over.status()).isEqualTo(400);
                assertThat(over.json().at("/error/message").asText()).contains("operations",
                        "(" + e.getKey() + ")", "at most " + e.getValue());
            }
            HttpResult operator = gw.post("/v2/batch", ops(101));
            assertThat(operator.status()).isEqualTo(400);
            assertThat(operator.json().at("/error/message").asText()).contains("at most 100");
        }
    }

    @Test
    void aBatchIsOneRequestAgainstThePerMinuteLimitAndTheMarkerCannotBeForged() {
        try (TestGateway gw = TestGateway.start()) {
            String key = gw.gateway().services().auth().generate("tight", java.util.Set.of("chat"), "free", null,
                    new ai.openclaw.auth.KeyLimits(3L, 3L, null, null, null, null, null, null)).secret();
            HttpResult batch = as(gw, key, ops(8));
            assertThat(batch.status()).as(batch.body()).isEqualTo(200);
            assertThat(batch.json().path("succeeded").asInt()).as(batch.body()).isEqualTo(8);
            assertThat(batch.json().path("results").findValuesAsText("status")).containsOnly("200");
            // a client sending the marker itself is limited as usual: 3 a minute, one spent on the batch
            int refused = 0;
            for (int i = 0; i < 6; i++) {
                HttpResult r = gw.send("GET", "/v2/conversations", null, Map.of("X-API-Key", key,
                        "X-OpenClaw-Batch-Operation", "guess"));
                if (r.status() == 429) {
                    refused++;
                }
            }
            assertThat(refused).isPositive();
        }
    }
}
