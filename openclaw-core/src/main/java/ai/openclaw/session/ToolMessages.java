package ai.openclaw.session;

import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.ContentPart;
import ai.openclaw.llm.Role;
import ai.openclaw.llm.ToolCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How tool calls and tool results are stored as transcript messages: type {@code tool_calls} (an assistant
 * message whose content is {@code {"text":…,"toolCalls":[{id,name,arguments}]}}) and type {@code tool_result} (a
 * tool message whose content is {@code {"toolCallId":…,"name":…,"content":…}}); {@code error} records a turn
 * that ended on a limit.
 */
public final class ToolMessages {
    /** Stored type of an assistant message that asks for tool calls. */
    public static final String TOOL_CALLS = "tool_calls";
    /** Stored type of a tool result. */
    public static final String TOOL_RESULT = "tool_result";
    /** Stored type of a message whose content has media parts: {@code {"text":…,"parts":[OpenAI parts]}}. */
    public static final String PARTS = "content_parts";
    /** Stored type of the record of a turn that ended without an answer. */
    public static final String ERROR = "error";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolMessages() {
    }

    /** The stored type for a model message. */
    public static String typeOf(ChatMessage m) {
        if (m.hasToolCalls()) {
            return TOOL_CALLS;
        }
        if (m.hasMedia() && m.role() != Role.TOOL) {
            return PARTS;
        }
        return m.role() == Role.TOOL && m.toolCallId() != null ? TOOL_RESULT : "text";
    }

    /** The stored content for a model message. */
    public static String encode(ChatMessage m) {
        if (m.hasToolCalls()) {
            ObjectNode o = JSON.createObjectNode();
            o.put("text", m.content());
            ArrayNode calls = o.putArray("toolCalls");
            for (ToolCall c : m.toolCalls()) {
                calls.addObject().put("id", c.id()).put("name", c.name()).put("arguments", c.argumentsJson());
            }
            return o.toString();
        }
        if (m.hasMedia() && m.role() != Role.TOOL) {
            ObjectNode o = JSON.createObjectNode();
            o.put("text", m.content());
            ArrayNode parts = o.putArray("parts");
            m.parts().forEach(p -> parts.add(p.body()));
            return o.toString();
        }
        if (m.role() == Role.TOOL && m.toolCallId() != null) {
            ObjectNode o = JSON.createObjectNode();
            o.put("toolCallId", m.toolCallId());
            o.put("name", m.toolName());
            o.put("content", m.content());
            return o.toString();
        }
        return m.content();
    }

    /** A stored message as model input (tool calls and results decoded). */
    public static ChatMessage decode(Message m) {
        try {
            if (TOOL_CALLS.equals(m.type())) {
                JsonNode o = JSON.readTree(m.content());
                List<ToolCall> calls = new ArrayList<>();
                for (JsonNode c : o.path("toolCalls")) {
                    calls.add(new ToolCall(c.path("id").asText(), c.path("name").asText(), c.path("arguments")
                            .asText("{}")));
                }
                return ChatMessage.assistantToolCalls(o.path("text").asText(""), calls);
            }
            if (Attachments.TYPE.equals(m.type())) {
                return Attachments.toModel(m.role(), m.content());
            }
            if (PARTS.equals(m.type())) {
                JsonNode o = JSON.readTree(m.content());
                List<ContentPart> parts = new ArrayList<>();
                for (JsonNode p : o.path("parts")) {
                    if (p.isObject()) {
                        parts.add(ContentPart.of((ObjectNode) p));
                    }
                }
                return new ChatMessage(m.role(), o.path("text").asText(""), List.of(), null, null, parts, null, null);
            }
            if (TOOL_RESULT.equals(m.type())) {
                JsonNode o = JSON.readTree(m.content());
                return ChatMessage.toolResult(o.path("toolCallId").asText(), o.path("name").asText(null),
                        o.path("content").asText(""));
            }
        } catch (IOException | RuntimeException e) {
            return new ChatMessage(m.role() == Role.TOOL ? Role.USER : m.role(), m.content());
        }
        return new ChatMessage(m.role(), m.content());
    }

    /**
     * Stored history as model input that providers accept: error records are left out, and tool results without
     * their call (cut off by the history limit) and tool calls without all their results are dropped.
     */
    public static List<ChatMessage> replayable(List<Message> history) {
        return replayable(history, List.of());
    }

    /**
     * As {@link #replayable(List)}, for history followed by {@code input}: a last tool-call message of the history
     * is kept when the input starts with tool results (a client answering its tools' calls).
     */
    public static List<ChatMessage> replayable(List<Message> history, List<ChatMessage> input) {
        int leadingResults = 0;
        while (leadingResults < input.size() && input.get(leadingResults).role() == Role.TOOL
                && input.get(leadingResults).toolCallId() != null) {
            leadingResults++;
        }
        List<ChatMessage> out = new ArrayList<>(history.size());
        for (Message m : history) {
            if (ERROR.equals(m.type())) {
                continue;
            }
            out.add(decode(m));
        }
        List<ChatMessage> clean = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            ChatMessage m = out.get(i);
            if (m.role() == Role.TOOL && m.toolCallId() != null) {
                continue;
            }
            if (m.hasToolCalls()) {
                int j = i + 1;
                List<ChatMessage> results = new ArrayList<>();
                while (j < out.size() && out.get(j).role() == Role.TOOL && out.get(j).toolCallId() != null) {
                    results.add(out.get(j));
                    j++;
                }
                if (j == out.size() && leadingResults > 0) {
                    results.addAll(input.subList(0, leadingResults));
                    if (results.size() >= m.toolCalls().size()) {
                        clean.add(m);
                        clean.addAll(results.subList(0, results.size() - leadingResults));
                    }
                } else if (results.size() == m.toolCalls().size()) {
                    clean.add(m);
                    clean.addAll(results);
                }
                i = j - 1;
                continue;
            }
            clean.add(m);
        }
        return clean;
    }
}
