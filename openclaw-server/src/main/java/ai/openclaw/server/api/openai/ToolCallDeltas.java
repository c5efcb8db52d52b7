package ai.openclaw.server.api.openai;

import ai.openclaw.llm.StreamListener;
import ai.openclaw.llm.ToolCall;
import ai.openclaw.server.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The OpenAI stream's listener: text as {@code delta.content}; when the client sent {@code tools}, the agent loop's
 * tool calls as {@code delta.tool_calls} in OpenAI's format (fragments as the provider streams them, or the whole
 * call at once), with indices that keep growing across the loop's steps.
 */
final class ToolCallDeltas implements StreamListener {
    private final boolean enabled;
    private final Runnable opening;
    private final Consumer<ObjectNode> send;
    private final Set<String> streamed = new HashSet<>();
    private int offset;
    private int seen;
    private int lastIndex = -1;

    ToolCallDeltas(boolean enabled, Runnable opening, Consumer<ObjectNode> send) {
        this.enabled = enabled;
        this.opening = opening;
        this.send = send;
    }

    @Override
    public void onText(String delta) {
        opening.run();
        send.accept(Json.obj().put("content", delta));
    }

    @Override
    public void onToolCallDelta(int index, String id, String name, String argumentsDelta) {
        if (!enabled) {
            return;
        }
        opening.run();
        lastIndex = Math.max(lastIndex, index);
        ObjectNode call = Json.obj();
        call.put("index", offset + index);
        ObjectNode fn = Json.obj();
        if (id != null && streamed.add(id)) {
            call.put("id", id);
            call.put("type", "function");
            if (name != null) {
                fn.put("name", name);
            }
        }
        call.set("function", fn);
        fn.put("arguments", argumentsDelta);
        ObjectNode delta = Json.obj();
        delta.putArray("tool_calls").add(call);
        send.accept(delta);
    }

    @Override
    public void onToolCall(ToolCall call) {
        seen++;
        if (!enabled || streamed.contains(call.id())) {
            return;
        }
        opening.run();
        ObjectNode c = Json.obj();
        c.put("index", offset + seen - 1);
        c.put("id", call.id());
        c.put("type", "function");
        c.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
        ObjectNode delta = Json.obj();
        delta.putArray("tool_calls").add(c);
        send.accept(delta);
    }

    @Override
    public void onToolResult(ToolCall call, String result, boolean error, long millis) {
        offset = Math.max(offset + seen, offset + lastIndex + 1);
        seen = 0;
        lastIndex = -1;
    }
}
