package ai.openclaw.provider;

import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.ChatRequest;
import ai.openclaw.llm.ChatResponse;
import ai.openclaw.llm.Role;
import ai.openclaw.llm.ToolCall;
import ai.openclaw.llm.ToolSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The offline responder's tool calling: fixed command forms in, tool calls out, tool results echoed back. */
final class OfflineToolCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LABEL = "[builtin/offline] ";

    private OfflineToolCalls() {
    }

    /** The answer for a tool command or for returned tool results, or null when neither applies. */
    static ChatResponse answer(ChatRequest request) {
        List<ChatMessage> ms = request.messages();
        ChatMessage last = ms.get(ms.size() - 1);
        if (last.role() == Role.TOOL) {
            StringBuilder sb = new StringBuilder(LABEL).append("tool results:");
            for (int i = ms.size() - 1; i >= 0 && ms.get(i).role() == Role.TOOL; i--) {
                ChatMessage t = ms.get(i);
                sb.insert(LABEL.length() + "tool results:".length(), "\n- " + (t.toolName() == null ? "tool"
                        : t.toolName()) + ": " + t.content());
            }
            return text(request, sb.toString());
        }
        if (last.role() != Role.USER) {
            return null;
        }
        String t = last.content().strip();
        String name;
        ObjectNode args = JSON.createObjectNode();
        if (t.startsWith("/skill ")) {
            String[] parts = t.substring(7).strip().split("\\s+");
            name = parts[0];
            ArrayNode a = args.putArray("args");
            for (int i = 1; i < parts.length; i++) {
                a.add(parts[i]);
            }
        } else if (t.startsWith("/memory search ")) {
            name = "memory_search";
            args.put("query", t.substring("/memory search ".length()).strip());
        } else if (t.startsWith("/memory add ")) {
            name = "memory_add";
            args.put("content", t.substring("/memory add ".length()).strip());
        } else if (t.startsWith("/tool ")) {
            String rest = t.substring(6).strip();
            int space = rest.indexOf(' ');
            name = space < 0 ? rest : rest.substring(0, space);
            if (space > 0) {
                try {
                    JsonNode parsed = JSON.readTree(rest.substring(space + 1));
                    if (parsed == null || !parsed.isObject()) {
                        return text(request, LABEL + "the arguments after '/tool " + name + "' must be a JSON object");
                    }
                    args = (ObjectNode) parsed;
                } catch (IOException e) {
                    return text(request, LABEL + "the arguments after '/tool " + name + "' are not valid JSON");
                }
            }
        } else {
            return null;
        }
        ToolSpec spec = request.tool(name);
        if (spec == null) {
            List<String> names = new ArrayList<>();
            request.tools().forEach(s -> names.add(s.name()));
            return text(request, LABEL + "tool '" + name + "' is not available here; available tools: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
        ToolCall call = new ToolCall("call_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24), name,
                args.toString());
        return new ChatResponse("", BuiltinOfflineModel.PROVIDER + "/" + BuiltinOfflineModel.MODEL,
                BuiltinOfflineModel.usage(request, args.toString()), "tool_calls", List.of(call));
    }

    private static ChatResponse text(ChatRequest request, String text) {
        return new ChatResponse(text, BuiltinOfflineModel.PROVIDER + "/" + BuiltinOfflineModel.MODEL,
                BuiltinOfflineModel.usage(request, text), "stop");
    }
}
