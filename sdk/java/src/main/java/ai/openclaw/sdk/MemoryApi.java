package ai.openclaw.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Seed 001 memory ({@code /api/v1/memory}) and seed 003 memories ({@code /v2/memories}). */
public final class MemoryApi {
    private final Transport t;

    MemoryApi(Transport t) {
        this.t = t;
    }

    /**
     * The best matches for {@code query}, best first ({@code content}, {@code score}, {@code source}, …).
     *
     * @param limit at most this many (0: the gateway's default)
     */
    public List<JsonNode> search(String query, int limit) {
        JsonNode d = t.request("GET", "/api/v1/memory/search" + Transport.query(Map.of("query", query))
                + (limit > 0 ? "&limit=" + limit : ""), null);
        List<JsonNode> out = new ArrayList<>();
        d.path("results").forEach(out::add);
        return out;
    }

    /** Stores a memory; the answer has {@code memoryId}. */
    public JsonNode add(String content, List<String> tags, String type) {
        ObjectNode b = Transport.JSON.createObjectNode().put("content", content);
        tags.forEach(b.putArray("tags")::add);
        if (type != null) {
            b.put("type", type);
        }
        return t.request("POST", "/api/v1/memory", b);
    }

    /** One memory. */
    public JsonNode get(String id) {
        return t.request("GET", "/api/v1/memory/" + ConversationApi.enc(id), null);
    }

    /** Deletes a memory. */
    public void delete(String id) {
        t.request("DELETE", "/api/v1/memory/" + ConversationApi.enc(id), null);
    }

    /** One page of stored memories. */
    public Page list(int limit, int offset) {
        return Page.of(t, "/v2/memories", "memories", limit, offset);
    }
}
