package ai.openclaw.memory;

import ai.openclaw.error.OpenClawException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The agent tools over memory, independent of any tool registry: {@value #SEARCH}, {@value #GET} and
 * {@value #ADD}, each with a description and a JSON Schema for its arguments, and {@link #execute} that runs one
 * call with JSON arguments and returns the JSON result text the model sees. Bad arguments throw
 * {@link OpenClawException} INVALID_REQUEST naming the argument (a tool executor reports it to the model).
 */
public final class MemoryTools {
    /** Tool name: hybrid search. */
    public static final String SEARCH = "memory_search";
    /** Tool name: one memory by id. */
    public static final String GET = "memory_get";
    /** Tool name: remember a fact. */
    public static final String ADD = "memory_add";
    /** The tool names. */
    public static final Set<String> NAMES = Set.of(SEARCH, GET, ADD);

    private static final ObjectMapper JSON = new ObjectMapper();

    private MemoryTools() {
    }

    /** A one-sentence description of a tool for the model. */
    public static String description(String tool) {
        return switch (tool) {
            case SEARCH -> "Search long-term memory (facts, preferences, notes from MEMORY.md) by meaning and "
                    + "keywords; returns the best matches with a relevance score in [0,1].";
            case GET -> "Read one memory by its id.";
            case ADD -> "Remember a fact or preference for later conversations.";
            default -> throw new IllegalArgumentException("unknown memory tool " + tool);
        };
    }

    /** The JSON Schema (an object schema, as JSON text) of a tool's arguments. */
    public static String parameters(String tool) {
        return switch (tool) {
            case SEARCH -> "{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\",\"description\":"
                    + "\"what to look for\"},\"limit\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":20},"
                    + "\"minScore\":{\"type\":\"number\",\"minimum\":0,\"maximum\":1}},\"required\":[\"query\"]}";
            case GET -> "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}},\"required\":[\"id\"]}";
            case ADD -> "{\"type\":\"object\",\"properties\":{\"content\":{\"type\":\"string\"},\"tags\":{\"type\":"
                    + "\"array\",\"items\":{\"type\":\"string\"}},\"type\":{\"type\":\"string\",\"enum\":"
                    + "[\"long-term\",\"conversation\",\"daily\"]}},\"required\":[\"content\"]}";
            default -> throw new IllegalArgumentException("unknown memory tool " + tool);
        };
    }

    /**
     * Runs one tool call.
     *
     * @param memory the memory service
     * @param tool one of {@link #NAMES}
     * @param argumentsJson the model's arguments, a JSON object
     * @param scope who the agent acts for: reads see {@code scope.owner()}'s and shared memories, adds are owned by it
     * @return the result as JSON text
     * @throws OpenClawException INVALID_REQUEST for malformed arguments; NOT_FOUND for an unknown id
     */
    public static String execute(MemoryService memory, String tool, String argumentsJson, MemoryScope scope) {
        JsonNode args;
        try {
            args = JSON.readTree(argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson);
        } catch (java.io.IOException e) {
            throw OpenClawException.invalid("tool arguments are not valid JSON");
        }
        if (!args.isObject()) {
            throw OpenClawException.invalid("tool arguments must be a JSON object");
        }
        ObjectNode out = JSON.createObjectNode();
        switch (tool) {
            case SEARCH -> {
                MemoryFilter filter = new MemoryFilter(scope.owner(), null, Set.of(), Set.of(), null);
                List<SearchHit> hits = memory.search(new MemoryQuery(text(args, "query"),
                        args.has("limit") ? args.path("limit").asInt() : null,
                        args.has("minScore") ? args.path("minScore").asDouble() : null, filter, null));
                ArrayNode results = out.putArray("results");
                for (SearchHit h : hits) {
                    results.addObject().put("id", h.item().id()).put("content", h.item().content())
                            .put("score", Math.round(h.score() * 1000) / 1000.0).put("source", h.item().source());
                }
            }
            case GET -> {
                MemoryItem m = memory.get(text(args, "id"), scope.owner());
                out.put("id", m.id()).put("content", m.content()).put("source", m.source())
                        .put("type", m.type().wireName()).put("createdAt", m.createdAt().toString());
            }
            case ADD -> {
                List<String> tags = new ArrayList<>();
                args.path("tags").forEach(t -> tags.add(t.asText()));
                MemoryType type = args.hasNonNull("type") ? MemoryType.parse(args.path("type").asText(), "type")
                        : null;
                MemoryItem m = memory.add(new NewMemory(text(args, "content"), tags, type,
                        scope.sessionId() != null ? scope.sessionId() : "agent", scope, null));
                out.put("memoryId", m.id()).put("createdAt", m.createdAt().toString());
            }
            default -> throw OpenClawException.invalid("unknown memory tool '" + tool + "'");
        }
        return out.toString();
    }

    private static String text(JsonNode args, String field) {
        JsonNode v = args.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw OpenClawException.invalid("argument '" + field + "' is required and must be a non-empty string");
        }
        return v.asText();
    }
}
