package ai.openclaw.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One message sent to or received from a model, as wide as OpenAI Chat Completions' message.
 *
 * @param role who wrote it; never null
 * @param content the text (for a message with {@link #parts()}, its text parts joined); never null (may be empty)
 * @param toolCalls for an assistant message, the tool calls it asks for; never null, usually empty
 * @param toolCallId for a {@link Role#TOOL} message, the id of the call it answers; else null
 * @param toolName for a {@link Role#TOOL} message, the tool's name; else null
 * @param parts the content as parts ({@code text}, {@code image_url}, {@code input_audio}, {@code file}, …) when it
 *     was sent as an array; never null, empty when the content is a plain string
 * @param name the participant name (OpenAI {@code name}), or null
 * @param extra the message's other fields, unchanged (e.g. {@code reasoning_content}, {@code refusal},
 *     {@code audio}); null for none. Treat as read-only.
 */
public record ChatMessage(Role role, String content, List<ToolCall> toolCalls, String toolCallId, String toolName,
                          List<ContentPart> parts, String name, ObjectNode extra) {
    /** Validates that role and content are present and copies the lists. */
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        parts = parts == null ? List.of() : List.copyOf(parts);
        if (!toolCalls.isEmpty() && role != Role.ASSISTANT) {
            throw new IllegalArgumentException("only assistant messages carry tool calls");
        }
        if (extra != null && extra.isEmpty()) {
            extra = null;
        }
    }

    /** A message without parts, name or extra fields. */
    public ChatMessage(Role role, String content, List<ToolCall> toolCalls, String toolCallId, String toolName) {
        this(role, content, toolCalls, toolCallId, toolName, List.of(), null, null);
    }

    /** A plain text message. */
    public ChatMessage(Role role, String content) {
        this(role, content, List.of(), null, null);
    }

    /** A user message. */
    public static ChatMessage user(String content) {
        return new ChatMessage(Role.USER, content);
    }

    /** A user message made of parts (text and images, audio, files); its content is the text parts joined. */
    public static ChatMessage user(List<ContentPart> parts) {
        return new ChatMessage(Role.USER, joinText(parts), List.of(), null, null, parts, null, null);
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

    /** Whether the content has parts other than text (images, audio, files). */
    public boolean hasMedia() {
        for (ContentPart p : parts) {
            if (!p.isText()) {
                return true;
            }
        }
        return false;
    }

    /** The text parts' text, joined without separator. */
    public static String joinText(List<ContentPart> parts) {
        StringBuilder sb = new StringBuilder();
        for (ContentPart p : parts) {
            if (p.isText() && p.text() != null) {
                sb.append(p.text());
            }
        }
        return sb.toString();
    }
}
