package ai.openclaw.tool;

import ai.openclaw.llm.ToolSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;

/**
 * A tool's public description (seed 000 {@code GET /tools}: {@code name}, {@code description}, {@code version},
 * {@code input_schema}, {@code output_schema}).
 *
 * @param name the tool name, 1-64 letters, digits, {@code _} or {@code -}
 * @param description what it does; never null
 * @param version its semantic version, e.g. {@code 1.0.0}; never null
 * @param inputSchema JSON Schema of the arguments object; never null
 * @param outputSchema JSON Schema of the result; never null (may be empty)
 * @param category a grouping for {@code GET /v2/skills?category=}, e.g. {@code files}; never null
 * @param kind {@code builtin} or {@code skill}
 * @param author who wrote it; never null
 */
public record ToolDescriptor(String name, String description, String version, JsonNode inputSchema,
                             JsonNode outputSchema, String category, String kind, String author) {
    /** Validates the name and fills absent values. */
    public ToolDescriptor {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("tool name must be 1-64 letters, digits, _ or -: " + name);
        }
        description = description == null ? "" : description;
        version = version == null || version.isBlank() ? "1.0.0" : version;
        inputSchema = inputSchema == null ? JsonNodeFactory.instance.objectNode().put("type", "object")
                : inputSchema;
        outputSchema = outputSchema == null ? JsonNodeFactory.instance.objectNode() : outputSchema;
        category = category == null || category.isBlank() ? "general" : category;
        kind = kind == null ? "builtin" : kind;
        author = author == null ? "openclaw" : author;
    }

    /** This tool as offered to a model. */
    public ToolSpec toSpec() {
        return new ToolSpec(name, description, inputSchema.toString());
    }
}
