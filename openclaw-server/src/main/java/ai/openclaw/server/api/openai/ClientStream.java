package ai.openclaw.server.api.openai;

import ai.openclaw.llm.StreamListener;
import ai.openclaw.llm.ToolCall;
import ai.openclaw.server.http.Json;
import ai.openclaw.session.TurnOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The OpenAI stream's listener: text as {@code delta.content}, reasoning as {@code delta.reasoning_content},
 * refusals as {@code delta.refusal}, log probabilities as chunk {@code logprobs}, the other choices of {@code n > 1}
 * as the provider streamed them, and calls of the <em>client's</em>
 * tools as {@code delta.tool_calls} (indices counted over the client's calls only). Calls of the gateway's own tools
 * run server-side and are never shown.
 */
final class ClientStream implements StreamListener {
    private final TurnOptions client;
    private final Runnable opening;
    private final BiConsumer<ObjectNode, JsonNode> send;
    private final java.util.function.Consumer<JsonNode> sendChoice;
    /** Upstream index of the current model call → client index, for the client's calls. */
    private final Map<Integer, Integer> clientIndex = new HashMap<>();
    private final Set<Integer> serverIndex = new HashSet<>();
    private final Set<String> streamedIds = new HashSet<>();
    private int nextClientIndex;

    /**
     * @param send writes a chunk of the first choice: its delta and, when not null, its logprobs
     * @param sendChoice writes a chunk carrying another choice ({@code n > 1}) as the provider sent it
     */
    ClientStream(TurnOptions client, Runnable opening, BiConsumer<ObjectNode, JsonNode> send,
                 java.util.function.Consumer<JsonNode> sendChoice) {
        this.client = client;
        this.opening = opening;
        this.send = send;
        this.sendChoice = sendChoice;
    }

    @Override
    public void onChoice(JsonNode choice) {
        opening.run();
        sendChoice.accept(choice);
    }

    @Override
    public void onText(String delta) {
        opening.run();
        send.accept(Json.obj().put("content", delta), null);
    }

    @Override
    public void onReasoning(String delta) {
        opening.run();
        send.accept(Json.obj().put("reasoning_content", delta), null);
    }

    @Override
    public void onRefusal(String delta) {
        opening.run();
        send.accept(Json.obj().put("refusal", delta), null);
    }

    @Override
    public void onLogprobs(JsonNode logprobs) {
        opening.run();
        send.accept(Json.obj(), logprobs);
    }

    @Override
    public void onToolCallDelta(int index, String id, String name, String argumentsDelta) {
        Integer mine = clientIndex.get(index);
        if (mine == null) {
            if (serverIndex.contains(index) || name == null) {
                return;
            }
            if (!client.isClientTool(name)) {
                serverIndex.add(index);
                return;
            }
            mine = nextClientIndex++;
            clientIndex.put(index, mine);
            opening.run();
            ObjectNode call = Json.obj();
            call.put("index", mine);
            if (id != null) {
                call.put("id", id);
                streamedIds.add(id);
            }
            call.put("type", "function");
            call.putObject("function").put("name", name).put("arguments", argumentsDelta);
            ObjectNode delta = Json.obj();
            delta.putArray("tool_calls").add(call);
            send.accept(delta, null);
            return;
        }
        if (argumentsDelta.isEmpty()) {
            return;
        }
        ObjectNode call = Json.obj();
        call.put("index", mine);
        call.putObject("function").put("arguments", argumentsDelta);
        ObjectNode delta = Json.obj();
        delta.putArray("tool_calls").add(call);
        send.accept(delta, null);
    }

    @Override
    public void onToolResult(ToolCall call, String result, boolean error, long millis) {
        // a server tool ran: the next model call numbers its tool calls from 0 again
        clientIndex.clear();
        serverIndex.clear();
        nextClientIndex = 0;
    }

    /** Sends, whole, the client calls of the final answer that were not streamed as fragments. */
    void finish(List<ToolCall> calls) {
        int index = nextClientIndex;
        for (ToolCall c : calls) {
            if (streamedIds.contains(c.id())) {
                continue;
            }
            opening.run();
            ObjectNode call = Json.obj();
            call.put("index", index++);
            call.put("id", c.id());
            call.put("type", "function");
            call.putObject("function").put("name", c.name()).put("arguments", c.argumentsJson());
            ObjectNode delta = Json.obj();
            delta.putArray("tool_calls").add(call);
            send.accept(delta, null);
        }
    }
}
