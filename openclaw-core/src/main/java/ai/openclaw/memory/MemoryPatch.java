package ai.openclaw.memory;

import java.time.Instant;
import java.util.List;

/**
 * A change to a memory item; null fields stay as they are.
 *
 * @param content new text (re-embedded and re-indexed), or null
 * @param tags new tags, or null
 * @param type new type, or null
 * @param expiresAt new expiry, or null to keep it
 * @param clearExpiry whether to remove the expiry (wins over {@code expiresAt})
 */
public record MemoryPatch(String content, List<String> tags, MemoryType type, Instant expiresAt, boolean clearExpiry) {
    /** Copies the tags. */
    public MemoryPatch {
        tags = tags == null ? null : List.copyOf(tags);
    }
}
