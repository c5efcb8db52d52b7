package ai.openclaw.memory;

import ai.openclaw.error.OpenClawException;
import java.util.Locale;

/** The kind of a memory item (issue 4; seed 001 {@code "type": "long-term"}; seed 003 {@code memory.type}). */
public enum MemoryType {
    /** Durable facts and preferences, e.g. {@code MEMORY.md}. */
    LONG_TERM("long-term"),
    /** Recorded from a conversation; usually given a retention. */
    CONVERSATION("conversation"),
    /** A day's notes, e.g. {@code memory/2026-03-17.md}. */
    DAILY("daily");

    private final String wireName;

    MemoryType(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on the wire and in the database, e.g. {@code long-term}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name ({@code long-term}, {@code conversation}, {@code daily}; {@code long_term} accepted).
     *
     * @param field the parameter name used in the error message
     * @throws OpenClawException INVALID_REQUEST naming {@code field} for an unknown type
     */
    public static MemoryType parse(String value, String field) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (MemoryType t : values()) {
            if (t.wireName.equals(v)) {
                return t;
            }
        }
        throw OpenClawException.invalid("'" + field + "' must be one of long-term, conversation, daily; got '" + value
                + "'");
    }
}
