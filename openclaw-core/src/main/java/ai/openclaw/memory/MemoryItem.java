package ai.openclaw.memory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored memory: one fact, note or chunk of a workspace memory file (issue 4 "Model").
 *
 * @param id the id, e.g. {@code mem_k3j9…}
 * @param content the text; never blank
 * @param tags free-form labels, in the order given; never null
 * @param type long-term, conversation or daily
 * @param source where it came from: {@code api}, a session id, or a workspace path such as {@code MEMORY.md} or
 *     {@code memory/2026-03-17.md}
 * @param scope who owns it
 * @param createdAt when it was first stored
 * @param updatedAt when it last changed
 * @param expiresAt when it stops being returned and is purged, or null for never
 * @param embeddingModel the id of the embedding model its vector came from, e.g. {@code all-minilm-l6-v2-q}
 * @param dimension the vector's dimension
 */
public record MemoryItem(String id, String content, List<String> tags, MemoryType type, String source,
                         MemoryScope scope, Instant createdAt, Instant updatedAt, Instant expiresAt,
                         String embeddingModel, int dimension) {
    /** Validates the fields and copies the tags. */
    public MemoryItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(content, "content");
        tags = List.copyOf(tags);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(embeddingModel, "embeddingModel");
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
    }

    /** Whether the item has expired at {@code now}. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    /** Whether the item came from a workspace memory file ({@code MEMORY.md} or {@code memory/*.md}). */
    public boolean fromWorkspace() {
        return WorkspaceSources.isWorkspaceSource(source);
    }
}
