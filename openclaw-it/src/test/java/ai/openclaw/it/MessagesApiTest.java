package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.GatewayExtension;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.fake.FakeReply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Seed 003 "消息操作": {@code /v2/messages} get, list with filters and cursor, delete, send (whole and streamed). */
class MessagesApiTest {
    @RegisterExtension
    static final GatewayExtension env = GatewayExtension.withFakeProvider();

    private static String conversation() {
        HttpResult c = env.gateway().post("/v2/conversations", "{\"agentId\": \"main\"}");
        assertThat(c.status()).isEqualTo(201);
        return c.json().path("id").asText();
    }

    @Test
    void sendGetListFilterPageAndDelete() {
        String conv = conversation();
        List<String> replies = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            env.fake().enqueue(FakeReply.text("答复" + i));
            HttpResult sent = env.gateway().post("/v2/messages", "{\"conversationId\": \"" + conv
                    + "\", \"content\": \"消息" + i + "\"}");
            assertThat(sent.status()).as(sent.body()).isEqualTo(201);
            assertThat(sent.json().path("conversationId").asText()).isEqualTo(conv);
            assertThat(sent.json().path("role").asText()).isEqualTo("assistant");
            replies.add(sent.json().path("id").asText());
        }
        JsonNode one = env.gateway().get("/v2/messages/" + replies.get(1)).json();
        assertThat(one.path("content").asText()).isEqualTo("答复2");
        assertThat(one.path("conversationId").asText()).isEqualTo(conv);

        JsonNode all = env.gateway().get("/v2/messages?conversationId=" + conv).json();
        assertThat(all.path("messages")).hasSize(6);
        JsonNode users = env.gateway().get("/v2/messages?conversationId=" + conv + "&role=user").json();
        assertThat(users.path("messages")).hasSize(3);
        assertThat(users.at("/messages/0/content").asText()).isEqualTo("消息1");

        JsonNode page1 = env.gateway().get("/v2/messages?conversationId=" + conv + "&limit=4").json();
        assertThat(page1.path("messages")).hasSize(4);
        assertThat(page1.at("/pagination/hasMore").asBoolean()).isTrue();
        String cursor = page1.at("/pagination/nextCursor").asText();
        JsonNode page2 = env.gateway().get("/v2/messages?conversationId=" + conv + "&limit=4&after=" + cursor).json();
        assertThat(page2.path("messages")).hasSize(2);
        assertThat(page2.at("/pagination/hasMore").asBoolean()).isFalse();
        assertThat(page2.at("/messages/1/id").asText()).isEqualTo(replies.get(2));

        HttpResult deleted = env.gateway().delete("/v2/messages/" + replies.get(0));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("deleted").asBoolean()).isTrue();
        assertThat(env.gateway().get("/v2/messages/" + replies.get(0)).status()).isEqualTo(404);
        assertThat(env.gateway().delete("/v2/messages/" + replies.get(0)).status()).isEqualTo(404);
        assertThat(env.gateway().get("/v2/conversations/" + conv).json().path("messageCount").asInt()).isEqualTo(5);

        // a turn after the delete appends after the remaining messages and no longer sends the deleted one
        env.fake().enqueue(FakeReply.text("答复4"));
        HttpResult again = env.gateway().post("/v2/conversations/" + conv + "/messages", "{\"content\": \"消息4\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        String upstream = env.fake().lastRequest().json().path("messages").toString();
        assertThat(upstream).contains("答复2").doesNotContain("答复1");
        JsonNode after = env.gateway().get("/v2/messages?conversationId=" + conv).json().path("messages");
        assertThat(after).hasSize(7);
        assertThat(after.get(6).path("content").asText()).isEqualTo("答复4");
    }

    @Test
    void streamsAndRefusesBadInput() {
        String conv = conversation();
        env.fake().enqueue(FakeReply.text("流 式"));
        HttpResult stream = env.gateway().post("/v2/messages", "{\"conversationId\": \"" + conv
                + "\", \"content\": \"你好\", \"stream\": true}");
        assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
        assertThat(stream.sseData().get(stream.sseData().size() - 1)).isEqualTo("[DONE]");

        HttpResult noConv = env.gateway().post("/v2/messages", "{\"content\": \"hi\"}");
        assertThat(noConv.status()).isEqualTo(400);
        assertThat(noConv.json().at("/error/message").asText()).contains("conversationId");
        HttpResult unknownConv = env.gateway().post("/v2/messages", "{\"conversationId\": \"nope\", \"content\": \"hi\"}");
        assertThat(unknownConv.status()).isEqualTo(404);
        assertThat(env.gateway().get("/v2/messages/msg_doesnotexist00000000").status()).isEqualTo(404);
        assertThat(env.gateway().get("/v2/messages?conversationId=nope").status()).isEqualTo(404);
        HttpResult badRole = env.gateway().get("/v2/messages?conversationId=" + conv + "&role=robot");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().at("/error/message").asText()).contains("role");
        assertThat(env.gateway().get("/v2/messages?limit=0").status()).isEqualTo(400);
    }

    @Test
    void anotherOwnersMessagesAreNotFound() {
        String conv = conversation();
        env.fake().enqueue(FakeReply.text("secret"));
        String reply = env.gateway().post("/v2/messages", "{\"conversationId\": \"" + conv + "\", \"content\": \"x\"}")
                .json().path("id").asText();
        HttpResult key = env.gateway().post("/api/v1/keys", "{\"name\": \"msg-other\", \"scopes\": [\"chat\"]}");
        String other = key.json().at("/data/key").asText();
        Map<String, String> h = Map.of("X-API-Key", other);
        assertThat(env.gateway().send("GET", "/v2/messages/" + reply, null, h).status()).isEqualTo(404);
        assertThat(env.gateway().send("DELETE", "/v2/messages/" + reply, null, h).status()).isEqualTo(404);
        assertThat(env.gateway().send("GET", "/v2/messages?conversationId=" + conv, null, h).status()).isEqualTo(404);
        JsonNode mine = env.gateway().send("GET", "/v2/messages", null, h).json();
        assertThat(mine.path("messages")).isEmpty();
        assertThat(env.gateway().get("/v2/messages/" + reply).status()).isEqualTo(200);
    }
}
