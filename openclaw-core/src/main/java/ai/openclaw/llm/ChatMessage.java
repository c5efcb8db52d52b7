package ai.openclaw.llm;

import java.util.Objects;

/**
 * One message sent to or received from a model.
 *
 * @param role who wrote it; never null
 * @param content the text; never null (may be empty)
 */
public record ChatMessage(Role role, String content) {
    /** Validates that role and content are present. */
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
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
}
