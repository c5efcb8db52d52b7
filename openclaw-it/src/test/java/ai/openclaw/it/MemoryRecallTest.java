package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.openclaw.testkit.GatewayExtension;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeReply;
import ai.openclaw.testkit.fake.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 4 "Agent side": an agent with {@code memoryEnabled} gets the top memories for the user's message as one
 * system message; with {@code memory.conversation.record} on, each turn is stored as a {@code conversation}
 * memory. Over real sockets, against the fake provider.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MemoryRecallTest {
    private static final String MARKER = "Relevant memories";
    private static final String FACT = "The user's favourite programming language is Rust";

    @RegisterExtension
    static final GatewayExtension env = GatewayExtension.withConfig(f -> TestGateway.providerConfig(
            f.openAiBaseUrl(), f.anthropicBaseUrl()) + "\nmemory:\n  recall:\n    maxTokens: 300\n"
            + "  conversation:\n    record: true\n");

    private static String conversation(boolean memoryEnabled) {
        HttpResult a = env.gateway().post("/v2/agents", "{\"name\":\"recall-" + memoryEnabled + "\","
                + "\"model\":\"fake/fake-model\",\"systemPrompt\":\"You are helpful.\","
                + "\"settings\":{\"memoryEnabled\":" + memoryEnabled + "}}");
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        HttpResult c = env.gateway().post("/v2/conversations", "{\"agentId\":\"" + a.json().path("id").asText()
                + "\"}");
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        return c.json().path("id").asText();
    }

    private static void send(String conv, String text) {
        HttpResult r = env.gateway().post("/v2/conversations/" + conv + "/messages",
                "{\"content\":\"" + text + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    /** The system messages of the fake provider's last request. */
    private static List<String> systemMessages() {
        RecordedRequest last = env.fake().lastRequest();
        List<String> out = new ArrayList<>();
        for (JsonNode m : last.json().path("messages")) {
            if ("system".equals(m.path("role").asText())) {
                out.add(m.path("content").asText());
            }
        }
        return out;
    }

    private static String search(String query, String extra) {
        return "/api/v1/memory/search?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + extra;
    }

    @Test
    @Order(1)
    void aStoredFactIsRecalledIntoTheContextOfAMemoryEnabledAgentButNotStored() {
        HttpResult stored = env.gateway().post("/api/v1/memory", "{\"content\": \"" + FACT + "\", \"tags\": [\"pref\"]}");
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        // ~400 estimated tokens: over the 300-token recall budget of this gateway, so never recalled
        String tooLong = "Notes about the programming language I like best: "
                + "Rust Go Java Kotlin Python ".repeat(60);
        HttpResult big = env.gateway().post("/api/v1/memory", "{\"content\": \"" + tooLong.strip() + "\"}");
        assertThat(big.status()).as(big.body()).isEqualTo(200);
        String conv = conversation(true);

        env.fake().enqueue(FakeReply.text("Rust, as you told me."));
        send(conv, "Which programming language do I like best?");
        List<String> system = systemMessages();
        List<String> recall = system.stream().filter(s -> s.startsWith(MARKER)).toList();
        assertThat(recall).as("system messages: %s", system).hasSize(1);
        assertThat(recall.get(0)).contains(FACT).contains("[source: api]").doesNotContain("Kotlin Python");
        assertThat(system.get(0)).as("the agent's own prompt stays first").contains("You are helpful.");

        // the recall block is context only: not in the transcript, and not replayed on the next turn
        String transcript = env.gateway().get("/v2/conversations/" + conv + "/messages").body();
        assertThat(transcript).doesNotContain(MARKER).contains("Which programming language do I like best?");
        env.fake().enqueue(FakeReply.text("Still Rust."));
        send(conv, "And which programming language should I use for my next project?");
        assertThat(systemMessages().stream().filter(s -> s.startsWith(MARKER)).count()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void anAgentWithMemoryDisabledGetsNoRecall() {
        String conv = conversation(false);
        env.fake().enqueue(FakeReply.text("I don't know."));
        send(conv, "Which programming language do I like best?");
        assertThat(systemMessages()).isNotEmpty().noneMatch(s -> s.contains(MARKER) || s.contains(FACT));
    }

    @Test
    @Order(3)
    void aMessageWithNoRelevantMemoryAddsNothing() {
        String conv = conversation(true);
        env.fake().enqueue(FakeReply.text("About 330 metres."));
        send(conv, "How tall is the Eiffel Tower in Paris?");
        assertThat(systemMessages()).isNotEmpty().noneMatch(s -> s.contains(MARKER));
    }

    @Test
    @Order(4)
    void aTurnIsRecordedAsAConversationMemoryFindableBySearch() {
        String conv = conversation(true);
        env.fake().enqueue(FakeReply.text("Your bicycle is chained up in the garage behind the house."));
        send(conv, "Where did I leave my bicycle yesterday?");

        // without a source filter, so the search itself must rank the recorded turn first
        String url = search("where is my bicycle", "&type=conversation&minScore=0");
        JsonNode hit = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> env.gateway().get(url).json().at("/data/results/0"),
                        n -> n.path("source").asText().equals(conv));
        assertThat(hit.path("content").asText()).startsWith("user: Where did I leave my bicycle yesterday?")
                .contains(" / assistant: Your bicycle is chained up in the garage");
        assertThat(hit.path("type").asText()).isEqualTo("conversation");

        // a memory-disabled agent's turns are not recorded (checked after a later recorded turn has landed)
        String off = conversation(false);
        env.fake().enqueue(FakeReply.text("No idea about the umbrella."));
        send(off, "Where did I leave my purple umbrella?");
        env.fake().enqueue(FakeReply.text("The scooter is parked at the station."));
        send(conv, "Where did I park my scooter?");
        String scooter = search("scooter", "&type=conversation&minScore=0&source=" + conv);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> env.gateway().get(scooter).body().contains("scooter is parked"));
        String umbrella = search("purple umbrella", "&type=conversation&minScore=0&limit=50");
        assertThat(env.gateway().get(umbrella).json().at("/data/results").toString()).doesNotContain("umbrella");
    }
}
