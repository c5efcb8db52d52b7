package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** A fresh gateway with no provider (builtin/offline), and durability across a restart. */
class OfflineAndRestartTest {
    @Test
    void everyChatRouteAnswersOfflineAndSaysSo() {
        try (TestGateway gw = TestGateway.start()) {
            HttpResult msg = gw.post("/api/v1/message", "{\"text\": \"你好\", \"session\": \"default\"}");
            assertThat(msg.status()).isEqualTo(200);
            assertThat(msg.json().at("/data/text").asText()).contains("not a language model");
            assertThat(msg.json().at("/data/model").asText()).isEqualTo("builtin/offline");
            HttpResult stream = gw.post("/api/v1/message/stream", "{\"text\": \"写一首诗\"}");
            assertThat(stream.sseData()).last().isEqualTo("[DONE]");
            HttpResult oa = gw.post("/v1/chat/completions", "{\"model\": \"openclaw\", \"messages\": "
                    + "[{\"role\": \"user\", \"content\": \"hi\"}]}");
            assertThat(oa.json().at("/choices/0/message/content").asText()).contains("offline");
            HttpResult unknown = gw.post("/v1/chat/completions", "{\"model\": \"gpt-4o\", \"messages\": "
                    + "[{\"role\": \"user\", \"content\": \"hi\"}]}");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().at("/error/code").asText()).isEqualTo("model_not_found");
            assertThat(unknown.json().at("/error/param").asText()).isEqualTo("model");
            JsonNode status = gw.get("/api/v1/status").json().path("data");
            assertThat(status.at("/models/default").asText()).isEqualTo("builtin/offline");
            assertThat(status.at("/models/offline").asBoolean()).isTrue();
            assertThat(gw.post("/api/v1/chat", "{\"message\": \"hi\"}").status()).isEqualTo(200);
        }
    }

    @Test
    void acknowledgedMessagesSurviveARestart() {
        try (TestGateway gw = TestGateway.start()) {
            for (int i = 0; i < 5; i++) {
                assertThat(gw.post("/api/v1/message", "{\"text\": \"note " + i + "\", \"session\": \"durable\"}")
                        .status()).isEqualTo(200);
            }
            gw.restart();
            JsonNode s = gw.get("/api/v1/sessions/durable").json().path("data");
            assertThat(s.path("messageCount").asInt()).isEqualTo(10);
            assertThat(s.path("messages").findValuesAsText("content")).contains("note 0", "note 4");
        }
    }
}
