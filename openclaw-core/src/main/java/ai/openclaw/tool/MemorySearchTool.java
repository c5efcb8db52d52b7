package ai.openclaw.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** {@code memory_search}: searches the owner's memories through the {@link MemoryPort}. */
public final class MemorySearchTool implements Tool {
    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor("memory_search",
            "Search long-term memory for notes relevant to a query.", "1.0.0", ToolJson.parse("""
            {"type":"object","properties":{"query":{"type":"string","minLength":1},
             "limit":{"type":"integer","minimum":1,"maximum":50}},"required":["query"]}"""),
            ToolJson.parse("{\"type\":\"object\"}"), "memory", "builtin", "openclaw");
    private final MemoryPort memory;

    /** @param memory the memory service */
    public MemorySearchTool(MemoryPort memory) {
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public JsonNode execute(JsonNode args, ToolContext context) {
        ObjectNode out = ToolJson.obj();
        out.set("results", ToolJson.MAPPER.valueToTree(memory.search(context.owner(), args.path("query").asText(),
                args.path("limit").asInt(5))));
        return out;
    }
}
