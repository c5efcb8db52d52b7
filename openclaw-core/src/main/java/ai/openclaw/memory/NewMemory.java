package ai.openclaw.memory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a caller asks to remember (seed 001 {@code POST /api/v1/memory}: {@code content}, {@code tags}, {@code type}).
 *
 * @param content the text; validated by the service (not blank, at most the configured size)
 * @param tags labels, or empty
 * @param type the kind; null means long-term
 * @param source where it came from; null means {@code api}
 * @param scope who owns it
 * @param expiresAt when it expires, or null for never
 */
public record NewMemory(String content, List<String> tags, MemoryType type, String source, MemoryScope scope,
                        Instant expiresAt) {
    /** Defaults the type and source and copies the tags. */
    public NewMemory {
        tags = tags == null ? List.of() : List.copyOf(tags);
        type = type == null ? MemoryType.LONG_TERM : type;
        source = source == null || source.isBlank() ? "api" : source;
        Objects.requireNonNull(scope, "scope");
    }
}
