package ai.openclaw.tool;

import java.util.List;
import java.util.Map;

/**
 * What the {@code memory_search} and {@code memory_add} tools need from a memory service. The memory module
 * implements it; the tools are registered only when an implementation is present.
 */
public interface MemoryPort {
    /**
     * Searches memories.
     *
     * @param owner the owner whose memories are searched
     * @param query the search text; never blank
     * @param limit the most results, at least 1
     * @return the best matches, best first, each with at least {@code content} and {@code score}
     */
    List<Map<String, Object>> search(String owner, String query, int limit);

    /**
     * Stores a memory.
     *
     * @param owner the owner it belongs to
     * @param content the text; never blank
     * @param tags labels, possibly empty
     * @return the new memory's id
     */
    String add(String owner, String content, List<String> tags);
}
