package ai.openclaw.llm;

import java.util.List;
import java.util.Objects;

/**
 * One message sent to or received from a model.
 *
 * @param role who wrote it; never null
 * @param content the text; never null (may be empty)
 * @param toolCalls for an assistant message, the tool calls it asks for; never null, usually empty
 * @param toolCallId for a {@link Role#TOOL} message, the id of the call it answers; else null
 * @param toolName for a {@link Role#TOOL} message, the tool's name; else null
 */
public record ChatMessage(Role role, String content, List<ToolCall> toolCalls, String toolCallId, String toolName) {
    /** Validates that role and content are present and copies the tool calls. */
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        if (!toolCalls.isEmpty() && role != Role.ASSISTANT) {
            throw new IllegalArgumentException("only assistant messages carry tool calls");
        }
    }

    /** A plain text message. */
    public ChatMessage(Role role, String content) {
        this(role, content, List.of(), null, null);
    }

    /** A user message. */
    public static ChatMessage user(String content) {
        return new ChatMessage(Role.USER, content);
    }

    /** A system message. */
    public static ChatMessage system(String content) {
        return new ChatMessage(Role.SYSTEM, content);
    }

    /** An assistant message. */
    public static ChatMessage assistant(String content) {
        return new ChatMessage(Role.ASSISTANT, content);
    }

    /** An assistant message asking for tool calls, with optional text before them. */
    public static ChatMessage assistantToolCalls(String text, List<ToolCall> calls) {
        return new ChatMessage(Role.ASSISTANT, text == null ? "" : text, calls, null, null);
    }

    /** The result of a tool call, sent back to the model. */
    public static ChatMessage toolResult(String toolCallId, String toolName, String content) {
        return new ChatMessage(Role.TOOL, content, List.of(), Objects.requireNonNull(toolCallId, "toolCallId"),
                toolName);
    }

    /** Whether this assistant message asks for tool calls. */
    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }
}
