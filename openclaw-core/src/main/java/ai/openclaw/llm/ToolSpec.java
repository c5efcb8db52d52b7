package ai.openclaw.llm;

import java.util.Objects;

/**
 * A tool the model may call: its name, what it does, and a JSON Schema for its arguments (seed 000
 * {@code input_schema}; OpenAI {@code tools[].function}).
 *
 * @param name the tool name, letters, digits, {@code _}, {@code .} and {@code -} (1-64 characters); never null
 * @param description what the tool does, for the model; never null (may be empty)
 * @param parametersJson the JSON Schema of the arguments object, as JSON text; never null
 * @param strict OpenAI's {@code strict} (schema adherence), or null when not set
 */
public record ToolSpec(String name, String description, String parametersJson, Boolean strict) {
    /** Validates the name and defaults an absent schema to an empty object schema. */
    public ToolSpec {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("tool name must be 1-64 letters, digits, _, . or -: " + name);
        }
        description = description == null ? "" : description;
        parametersJson = parametersJson == null || parametersJson.isBlank()
                ? "{\"type\":\"object\",\"properties\":{}}" : parametersJson;
    }

    /** A tool without {@code strict}. */
    public ToolSpec(String name, String description, String parametersJson) {
        this(name, description, parametersJson, null);
    }
}
