package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.testkit.GatewayExtension;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import ai.openclaw.testkit.fake.FakeReply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The GraphQL dialect over real sockets: queries and mutations over HTTP, subscriptions over graphql-sse and
 * graphql-transport-ws, owner isolation between API keys, errors with {@code extensions.code} (malformed, too deep,
 * unauthenticated, unknown ids), introspection and the GraphiQL page.
 */
class GraphqlTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final GatewayExtension env = GatewayExtension.withFakeProvider();
    static String keyA;
    static String keyB;

    @BeforeAll
    static void keys() {
        var auth = env.gateway().gateway().services().auth();
        keyA = auth.generate("gql-a", null, "enterprise", null).secret();
        keyB = auth.generate("gql-b", null, "enterprise", null).secret();
    }

    static HttpResult gql(String credential, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        if (variables != null) {
            body.put("variables", variables);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (credential != null) {
            headers.put("Authorization", "Bearer " + credential);
        }
        try {
            return env.gateway().send("POST", "/graphql", JSON.writeValueAsString(body), headers);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode data(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().has("errors")).as(r.body()).isFalse();
        return r.json().path("data");
    }

    static String createConversation(String key, String title) {
        JsonNode d = data(gql(key, "mutation($t: String) { createConversation(input: {title: $t}) { id title } }",
                Map.of("t", title)));
        return d.at("/createConversation/id").asText();
    }

    @Test
    void queriesAndMutationsOverHttp() {
        String id = createConversation(keyA, "graphql chat");
        env.fake().enqueue(FakeReply.text("hello from the model"));
        JsonNode sent = data(gql(keyA, """
                mutation($id: ID!) { sendMessage(conversationId: $id, content: "hi there") {
                  message { role content model } userMessage { content } usage { totalTokens } finishReason } }""",
                Map.of("id", id))).path("sendMessage");
        assertThat(sent.at("/message/content").asText()).isEqualTo("hello from the model");
        assertThat(sent.at("/message/role").asText()).isEqualTo("assistant");
        assertThat(sent.at("/userMessage/content").asText()).isEqualTo("hi there");

        JsonNode convs = data(gql(keyA, """
                { conversations(first: 10) { totalCount nodes { id title messageCount agent { id name }
                  messages(first: 1) { totalCount pageInfo { hasNextPage endCursor } nodes { role content } } } } }""",
                null)).path("conversations");
        JsonNode mine = null;
        for (JsonNode c : convs.path("nodes")) {
            if (c.path("id").asText().equals(id)) {
                mine = c;
            }
        }
        assertThat(mine).as(convs.toString()).isNotNull();
        assertThat(mine.path("messageCount").asInt()).isEqualTo(2);
        assertThat(mine.at("/agent/id").asText()).isEqualTo("main");
        assertThat(mine.at("/messages/totalCount").asInt()).isEqualTo(2);
        assertThat(mine.at("/messages/pageInfo/hasNextPage").asBoolean()).isTrue();
        assertThat(mine.at("/messages/nodes/0/role").asText()).isEqualTo("user");

        String cursor = mine.at("/messages/pageInfo/endCursor").asText();
        JsonNode page2 = data(gql(keyA, "query($id: ID!, $c: String) { messages(conversationId: $id, first: 5, "
                + "after: $c) { nodes { role content } pageInfo { hasNextPage hasPreviousPage } } }",
                Map.of("id", id, "c", cursor))).path("messages");
        assertThat(page2.at("/nodes/0/content").asText()).isEqualTo("hello from the model");
        assertThat(page2.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
        assertThat(page2.at("/pageInfo/hasPreviousPage").asBoolean()).isTrue();

        JsonNode agent = data(gql(keyA, """
                mutation { createAgent(input: {id: "gql-agent", name: "GraphQL agent", temperature: 0.5}) { id name temperature } }""",
                null)).path("createAgent");
        assertThat(agent.path("name").asText()).isEqualTo("GraphQL agent");
        assertThat(data(gql(keyA, "mutation { updateAgent(id: \"gql-agent\", input: {name: \"Renamed\"}) { name "
                + "temperature } }", null)).at("/updateAgent/name").asText()).isEqualTo("Renamed");
        assertThat(data(gql(keyA, "mutation { deleteAgent(id: \"gql-agent\") { deleted } }", null))
                .at("/deleteAgent/deleted").asBoolean()).isTrue();

        JsonNode memory = data(gql(keyA, "mutation { createMemory(input: {content: \"The user prefers concise "
                + "answers in Chinese\", tags: [\"pref\"]}) { id content tags } }", null)).path("createMemory");
        JsonNode hits = data(gql(keyA, "{ searchMemories(query: \"concise answers\", minScore: 0.1) { score "
                + "keywordScore vectorScore memory { id content } } }", null)).path("searchMemories");
        assertThat(hits.toString()).contains(memory.path("id").asText());
        assertThat(hits.get(0).path("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(data(gql(keyA, "mutation($id: ID!) { deleteMemory(id: $id) { deleted } }",
                Map.of("id", memory.path("id").asText()))).at("/deleteMemory/deleted").asBoolean()).isTrue();

        JsonNode skills = data(gql(keyA, "{ skills(first: 2) { totalCount nodes { id category } pageInfo { "
                + "hasNextPage } } status { status version countsScope queueDepth } }", null));
        assertThat(skills.at("/skills/nodes").size()).isEqualTo(2);
        assertThat(skills.at("/status/status").asText()).isEqualTo("running");
        assertThat(skills.at("/status/countsScope").asText()).isEqualTo("owner");
        assertThat(skills.at("/status/queueDepth").isNull()).isTrue();

        JsonNode cron = data(gql(keyA, """
                mutation { createCronJob(input: {name: "nightly", schedule: {kind: "every", everyMs: 3600000},
                  payload: {kind: "systemEvent", text: "tick"}}) { id name enabled nextRun schedule } }""", null))
                .path("createCronJob");
        assertThat(cron.at("/schedule/kind").asText()).isEqualTo("every");
        String cronId = cron.path("id").asText();
        assertThat(data(gql(keyA, "mutation($id: ID!) { updateCronJob(id: $id, input: {enabled: false}) { enabled } }",
                Map.of("id", cronId))).at("/updateCronJob/enabled").asBoolean()).isFalse();
        assertThat(data(gql(keyA, "{ cronJobs { id runs { totalCount } } }", null)).toString()).contains(cronId);
        assertThat(data(gql(keyA, "mutation($id: ID!) { deleteCronJob(id: $id) { deleted } }",
                Map.of("id", cronId))).at("/deleteCronJob/deleted").asBoolean()).isTrue();

        assertThat(data(gql(keyA, "mutation($id: ID!) { deleteConversation(id: $id) { deleted } }",
                Map.of("id", id))).at("/deleteConversation/deleted").asBoolean()).isTrue();
    }

    @Test
    void nestedFieldsAreLoadedInBatches() throws Exception {
        String key = env.gateway().gateway().services().auth().generate("gql-batch", null, "enterprise", null)
                .secret();
        for (int i = 0; i < 12; i++) {
            createConversation(key, "batch " + i);
        }
        String body = JSON.writeValueAsString(Map.of("query", "{ conversations(first: 50) { totalCount nodes { "
                + "agent { id } messages(first: 2) { totalCount } } } }", "extensions", Map.of("dataLoaderStats", true)));
        HttpResult r = env.gateway().send("POST", "/v2/graphql", body, Map.of("Authorization", "Bearer " + key,
                "Content-Type", "application/json"));
        JsonNode nodes = data(r).at("/conversations/nodes");
        assertThat(nodes.size()).isEqualTo(12);
        nodes.forEach(n -> assertThat(n.at("/agent/id").asText()).isEqualTo("main"));
        JsonNode stats = r.json().at("/extensions/dataLoaders");
        assertThat(stats.at("/agents/loads").asInt()).as(stats.toString()).isEqualTo(12);
        assertThat(stats.at("/agents/batches").asInt()).as("one batch for every conversation's agent").isEqualTo(1);
        assertThat(stats.at("/agents/keys").asInt()).as("each distinct agent loaded once").isEqualTo(1);
        assertThat(stats.at("/messages/loads").asInt()).isEqualTo(12);
        assertThat(stats.at("/messages/batches").asInt()).isEqualTo(1);
    }

    @Test
    void tasksWebhooksAndScopes() throws Exception {
        HttpResult created = gql(keyA, "mutation { createTask(input: {type: \"agent\", name: \"gql task\", "
                + "parameters: {message: \"work\"}}) { task { id status } callbackSecret } }", null);
        String taskId = data(created).at("/createTask/task/id").asText();
        String sub = JSON.writeValueAsString(Map.of("query", "subscription($id: ID!) { taskProgress(id: $id) { id "
                + "status progress } }", "variables", Map.of("id", taskId)));
        HttpResult events = env.gateway().send("POST", "/graphql", sub, Map.of("Authorization", "Bearer " + keyA,
                "Content-Type", "application/json", "Accept", "text/event-stream"));
        assertThat(events.status()).isEqualTo(200);
        List<String> statuses = new ArrayList<>();
        for (String line : events.body().split("\n")) {
            if (line.startsWith("data: {")) {
                statuses.add(read(line.substring(6)).at("/data/taskProgress/status").asText());
            }
        }
        assertThat(statuses).as(events.body()).isNotEmpty().last().isEqualTo("COMPLETED");
        assertThat(events.body()).endsWith("event: complete\ndata: \n\n");
        assertThat(data(gql(keyA, "query($id: ID!) { task(id: $id) { status progress } }", Map.of("id", taskId)))
                .at("/task/progress").asInt()).isEqualTo(100);
        assertThat(gql(keyB, "query($id: ID!) { task(id: $id) { status } }", Map.of("id", taskId)).json()
                .at("/errors/0/extensions/code").asText()).isEqualTo("NOT_FOUND");

        JsonNode hook = data(gql(keyA, "mutation { createWebhook(input: {url: \"https://93.184.215.14/x\", "
                + "events: [\"task.completed\"]}) { secret webhook { id url events enabled } } }", null))
                .path("createWebhook");
        assertThat(hook.path("secret").asText()).isNotBlank();
        String hookId = hook.at("/webhook/id").asText();
        assertThat(data(gql(keyA, "{ webhooks { id deliveries(first: 5) { totalCount } } }", null)).toString())
                .contains(hookId);
        assertThat(data(gql(keyB, "{ webhooks { id } }", null)).toString()).doesNotContain(hookId);
        assertThat(data(gql(keyA, "mutation($id: ID!) { deleteWebhook(id: $id) { deleted } }", Map.of("id", hookId)))
                .at("/deleteWebhook/deleted").asBoolean()).isTrue();

        String chatOnly = env.gateway().gateway().services().auth().generate("gql-chat-only", Set.of("chat"),
                "enterprise", null).secret();
        HttpResult forbidden = gql(chatOnly, "{ task(id: \"task_x\") { id } conversations { totalCount } }", null);
        assertThat(forbidden.status()).isEqualTo(200);
        assertThat(forbidden.json().at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
        assertThat(forbidden.json().at("/errors/0/path/0").asText()).isEqualTo("task");
        assertThat(forbidden.json().at("/data/conversations/totalCount").isNumber()).isTrue();
    }

    @Test
    void twoKeysCannotSeeEachOthersConversations() {
        String a = createConversation(keyA, "secret of A");
        String b = createConversation(keyB, "secret of B");
        String list = "{ conversations(first: 200) { nodes { id title } } }";
        assertThat(data(gql(keyA, list, null)).toString()).contains(a).doesNotContain(b).doesNotContain("secret of B");
        assertThat(data(gql(keyB, list, null)).toString()).contains(b).doesNotContain(a).doesNotContain("secret of A");

        HttpResult peek = gql(keyB, "query($id: ID!) { conversation(id: $id) { id title } }", Map.of("id", a));
        assertThat(peek.status()).isEqualTo(200);
        assertThat(peek.json().at("/data/conversation").isNull()).isTrue();
        assertThat(peek.json().at("/errors/0/extensions/code").asText()).isEqualTo("NOT_FOUND");
        assertThat(peek.body()).doesNotContain("secret of A");
        HttpResult send = gql(keyB, "mutation($id: ID!) { sendMessage(conversationId: $id, content: \"x\") { "
                + "message { id } } }", Map.of("id", a));
        assertThat(send.json().at("/errors/0/extensions/code").asText()).isEqualTo("NOT_FOUND");
        HttpResult delete = gql(keyB, "mutation($id: ID!) { deleteConversation(id: $id) { deleted } }",
                Map.of("id", a));
        assertThat(delete.json().at("/errors/0/extensions/code").asText()).isEqualTo("NOT_FOUND");
        assertThat(data(gql(keyA, "query($id: ID!) { conversation(id: $id) { title } }", Map.of("id", a)))
                .at("/conversation/title").asText()).isEqualTo("secret of A");
        assertThat(data(gql(TestGateway.TOKEN, list, null)).toString()).contains(a).contains(b);
    }

    @Test
    void badRequestsAreClearErrors() {
        HttpResult malformed = gql(keyA, "{ conversations(first: 1) { nodes { id }", null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().at("/errors/0/extensions/code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(malformed.json().at("/errors/0/message").asText()).containsIgnoringCase("syntax");
        assertThat(malformed.json().has("data")).isFalse();

        HttpResult unknownField = gql(keyA, "{ conversations { nodes { nope } } }", null);
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().at("/errors/0/extensions/code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(unknownField.json().at("/errors/0/message").asText()).contains("nope");

        StringBuilder deep = new StringBuilder("{ conversations { nodes { agent { id } messages { nodes { usage { ");
        deep.append("totalTokens } } } } } }");
        String tooDeep = "{ " + "__schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { "
                + "ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } } } } } }";
        HttpResult depth = gql(keyA, tooDeep, null);
        assertThat(depth.status()).as(depth.body()).isEqualTo(400);
        assertThat(depth.json().at("/errors/0/extensions/code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(depth.json().at("/errors/0/message").asText()).containsIgnoringCase("depth");

        HttpResult complex = gql(keyA, "{ conversations(first: 200) { nodes { messages(first: 200) { nodes { id "
                + "content role createdAt } } } } }", null);
        assertThat(complex.status()).as(complex.body()).isEqualTo(400);
        assertThat(complex.json().at("/errors/0/message").asText()).containsIgnoringCase("complexity");

        HttpResult badFirst = gql(keyA, "{ conversations(first: 0) { totalCount } }", null);
        assertThat(badFirst.json().at("/errors/0/extensions/code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(badFirst.json().at("/errors/0/message").asText()).contains("first");

        HttpResult notJson = env.gateway().send("POST", "/graphql", "{not json", Map.of("Authorization",
                "Bearer " + keyA, "Content-Type", "application/json"));
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().at("/errors/0/extensions/code").asText()).isEqualTo("INVALID_REQUEST");

        HttpResult mutationByGet = env.gateway().send("GET", "/graphql?query=mutation%7BdeleteAgent(id:%22x%22)%7Bid%7D%7D",
                null, Map.of("Authorization", "Bearer " + keyA));
        assertThat(mutationByGet.status()).isEqualTo(400);
        assertThat(mutationByGet.json().at("/errors/0/message").asText()).contains("POST");
    }

    @Test
    void unauthenticatedIs401InGraphqlsFormat() {
        for (String path : List.of("/graphql", "/v2/graphql")) {
            HttpResult r = env.gateway().send("POST", path, "{\"query\":\"{ status { version } }\"}",
                    Map.of("Content-Type", "application/json"));
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().at("/errors/0/extensions/code").asText()).isEqualTo("UNAUTHORIZED");
            HttpResult bad = gql("oc_api_sk_" + "x".repeat(40), "{ status { version } }", null);
            assertThat(bad.status()).isEqualTo(401);
        }
    }

    @Test
    void introspectionAndGraphiql() {
        JsonNode schema = data(gql(keyA, "{ __schema { queryType { name } mutationType { name } subscriptionType { "
                + "name } types { name } } }", null)).path("__schema");
        assertThat(schema.at("/subscriptionType/name").asText()).isEqualTo("Subscription");
        assertThat(schema.path("types").toString()).contains("ConversationConnection", "MemoryHit");
        HttpResult page = env.gateway().send("GET", "/graphql", null, Map.of("Accept", "text/html"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).contains("text/html");
        assertThat(page.body()).contains("GraphiQL").doesNotContain("unpkg.com").doesNotContain("cdn.jsdelivr");
    }

    @Test
    void messageStreamOverSse() {
        String id = createConversation(keyA, "sse");
        env.fake().enqueue(FakeReply.text("streamed over sse"));
        String body = "{\"query\":\"subscription($id: ID!) { messageStream(conversationId: $id, content: \\\"go\\\") "
                + "{ type content message { content } } }\",\"variables\":{\"id\":\"" + id + "\"}}";
        HttpResult r = env.gateway().send("POST", "/graphql", body, Map.of("Authorization", "Bearer " + keyA,
                "Content-Type", "application/json", "Accept", "text/event-stream"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).contains("text/event-stream");
        assertThat(r.body()).contains("event: next").contains("event: complete");
        StringBuilder text = new StringBuilder();
        String done = null;
        for (String line : r.body().split("\n")) {
            if (line.startsWith("data: {")) {
                JsonNode ev = read(line.substring(6)).at("/data/messageStream");
                if (ev.path("type").asText().equals("delta")) {
                    text.append(ev.path("content").asText());
                } else if (ev.path("type").asText().equals("done")) {
                    done = ev.at("/message/content").asText();
                }
            }
        }
        assertThat(text.toString()).isEqualTo("streamed over sse");
        assertThat(done).isEqualTo("streamed over sse");
    }

    @Test
    void messageStreamAndSessionEventsOverGraphqlTransportWs() throws Exception {
        String id = createConversation(keyA, "ws");
        Ws ws = Ws.open(env.gateway().baseUrl().replace("http", "ws") + "/graphql");
        try {
            assertThat(ws.protocol()).isEqualTo("graphql-transport-ws");
            ws.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + keyA)));
            assertThat(ws.next().path("type").asText()).isEqualTo("connection_ack");
            ws.send(Map.of("type", "subscribe", "id", "events", "payload", Map.of("query",
                    "subscription($id: ID!) { sessionEvents(conversationId: $id) { type content } }",
                    "variables", Map.of("id", id))));
            env.fake().enqueue(FakeReply.text("streamed over ws"));
            ws.send(Map.of("type", "subscribe", "id", "turn", "payload", Map.of("query",
                    "subscription($id: ID!) { messageStream(conversationId: $id, content: \"go\") { type content } }",
                    "variables", Map.of("id", id))));
            StringBuilder text = new StringBuilder();
            List<String> events = new ArrayList<>();
            boolean turnComplete = false;
            while (!turnComplete || events.size() < 2) {
                JsonNode m = ws.next();
                String op = m.path("id").asText();
                if (m.path("type").asText().equals("complete") && op.equals("turn")) {
                    turnComplete = true;
                } else if (m.path("type").asText().equals("next") && op.equals("turn")) {
                    JsonNode ev = m.at("/payload/data/messageStream");
                    if (ev.path("type").asText().equals("delta")) {
                        text.append(ev.path("content").asText());
                    }
                } else if (m.path("type").asText().equals("next") && op.equals("events")) {
                    events.add(m.at("/payload/data/sessionEvents/type").asText());
                } else {
                    throw new AssertionError("unexpected message " + m);
                }
            }
            assertThat(text.toString()).isEqualTo("streamed over ws");
            assertThat(events).containsExactly("message.received", "message.sent");
            ws.send(Map.of("type", "complete", "id", "events"));

            ws.send(Map.of("type", "subscribe", "id", "q", "payload", Map.of("query", "{ status { status } }")));
            JsonNode q = ws.next();
            assertThat(q.at("/payload/data/status/status").asText()).as(q.toString()).isEqualTo("running");
            assertThat(ws.next().path("type").asText()).isEqualTo("complete");

            ws.send(Map.of("type", "subscribe", "id", "bad", "payload", Map.of("query", "{ nope }")));
            JsonNode bad = ws.next();
            assertThat(bad.path("type").asText()).isEqualTo("error");
            assertThat(bad.at("/payload/0/extensions/code").asText()).isEqualTo("INVALID_REQUEST");
        } finally {
            ws.close();
        }
        Ws anon = Ws.open(env.gateway().baseUrl().replace("http", "ws") + "/graphql");
        anon.send(Map.of("type", "connection_init", "payload", Map.of()));
        assertThat(anon.closeCode()).isEqualTo(4403);
        Ws early = Ws.open(env.gateway().baseUrl().replace("http", "ws") + "/graphql");
        early.send(Map.of("type", "subscribe", "id", "1", "payload", Map.of("query", "{ status { status } }")));
        assertThat(early.closeCode()).isEqualTo(4401);
        Ws silent = Ws.open(env.gateway().baseUrl().replace("http", "ws") + "/graphql");
        assertThat(silent.closeCode()).as("no connection_init: closed by the server").isEqualTo(4408);
    }

    static JsonNode read(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(s, e);
        }
    }

    /** A minimal graphql-transport-ws client on the JDK's WebSocket. */
    static final class Ws implements WebSocket.Listener {
        final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        static Ws open(String url) throws Exception {
            Ws ws = new Ws();
            ws.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                    .buildAsync(URI.create(url), ws).get(20, TimeUnit.SECONDS);
            return ws;
        }

        String protocol() {
            return socket.getSubprotocol();
        }

        void send(Map<String, Object> message) throws Exception {
            socket.sendText(JSON.writeValueAsString(message), true).get(20, TimeUnit.SECONDS);
        }

        JsonNode next() throws InterruptedException {
            JsonNode m = messages.poll(60, TimeUnit.SECONDS);
            assertThat(m).as("a message within 60 s").isNotNull();
            return m;
        }

        int closeCode() throws Exception {
            return closed.get(30, TimeUnit.SECONDS);
        }

        void close() {
            socket.sendClose(1000, "bye");
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(read(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
