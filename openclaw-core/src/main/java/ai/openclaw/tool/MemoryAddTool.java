package ai.openclaw.tool;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@code memory_add}: stores a note in the owner's long-term memory through the {@link MemoryPort}. */
public final class MemoryAddTool implements Tool {
    private static final ToolDescriptor DESCRIPTOR = new ToolDescriptor("memory_add",
            "Store a note in long-term memory.", "1.0.0", ToolJson.parse("""
            {"type":"object","properties":{"content":{"type":"string","minLength":1},
             "tags":{"type":"array","items":{"type":"string"}}},"required":["content"]}"""),
            ToolJson.parse("{\"type\":\"object\"}"), "memory", "builtin", "openclaw");
    private final MemoryPort memory;

    /** @param memory the memory service */
    public MemoryAddTool(MemoryPort memory) {
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    @Override
    public ToolDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public JsonNode execute(JsonNode args, ToolContext context) {
        List<String> tags = new ArrayList<>();
        args.path("tags").forEach(t -> tags.add(t.asText()));
        return ToolJson.obj().put("memoryId", memory.add(context.owner(), args.path("content").asText(), tags));
    }
}
