package ai.openclaw.llm;

import ai.openclaw.error.OpenClawException;
import java.util.Locale;

/** The author of a chat message, as OpenAI and OpenClaw name them. */
public enum Role {
    /** Instructions that frame the conversation. */
    SYSTEM,
    /** The human (or calling program). */
    USER,
    /** The model. */
    ASSISTANT,
    /** The result of a tool call. */
    TOOL;

    /** The wire name: {@code system}, {@code user}, {@code assistant} or {@code tool}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name, case-insensitively ({@code developer} is read as {@code system}, as OpenAI does).
     *
     * @param field the request field being parsed, used in the error message
     * @param value the wire name
     * @return the role
     * @throws OpenClawException INVALID_REQUEST if the value is not a known role
     */
    public static Role parse(String field, String value) {
        if (value != null) {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "system", "developer": return SYSTEM;
                case "user": return USER;
                case "assistant": return ASSISTANT;
                case "tool": return TOOL;
                default: break;
            }
        }
        throw OpenClawException.invalid("field '" + field + "' must be one of system, user, assistant, tool; got '"
                + value + "'");
    }
}
