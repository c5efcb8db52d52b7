package ai.openclaw.session;

import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.Role;
import ai.openclaw.llm.Usage;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored message of a session's transcript.
 *
 * @param id the message id, e.g. {@code msg_k3j9…}; never blank
 * @param sessionId the session it belongs to
 * @param role who wrote it
 * @param content its text; never null
 * @param type the content type (seed 000 {@code type}), {@code text} by default
 * @param model for assistant messages the {@code provider/model} that wrote it, else null
 * @param usage for assistant messages the turn's token usage, else {@link Usage#ZERO}
 * @param createdAt when it was stored
 */
public record Message(String id, String sessionId, Role role, String content, String type, String model,
                      Usage usage, Instant createdAt) {
    /** Validates the required fields. */
    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        type = type == null ? "text" : type;
        usage = usage == null ? Usage.ZERO : usage;
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** This message as model input. */
    public ChatMessage toChatMessage() {
        return ToolMessages.decode(this);
    }
}
