package ai.openclaw.session;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning for conversation turns.
 *
 * @param historyLimit the most stored messages sent to the model as history per turn; at least 0
 * @param modelTimeout how long one model call may take; positive
 * @param systemPrompt a system prompt put before every turn's messages, or null for none
 */
public record ConversationSettings(int historyLimit, Duration modelTimeout, String systemPrompt) {
    /** 200 messages of history, two-minute model timeout, no system prompt. */
    public static final ConversationSettings DEFAULTS = new ConversationSettings(200, Duration.ofSeconds(120), null);

    /** Validates the bounds. */
    public ConversationSettings {
        if (historyLimit < 0) {
            throw new IllegalArgumentException("historyLimit must be >= 0");
        }
        Objects.requireNonNull(modelTimeout, "modelTimeout");
        if (modelTimeout.isNegative() || modelTimeout.isZero()) {
            throw new IllegalArgumentException("modelTimeout must be positive");
        }
    }
}
