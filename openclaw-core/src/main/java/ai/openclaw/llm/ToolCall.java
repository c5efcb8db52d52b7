package ai.openclaw.llm;

import java.util.Objects;

/**
 * A model's request to call a tool.
 *
 * @param id the provider's call id, echoed back with the result; never null
 * @param name the tool name; never null
 * @param argumentsJson the arguments as JSON text (normally an object); never null, {@code {}} when absent
 */
public record ToolCall(String id, String name, String argumentsJson) {
    /** Validates the fields and defaults blank arguments to {@code {}}. */
    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
    }
}
