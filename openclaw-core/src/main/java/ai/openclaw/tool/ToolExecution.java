package ai.openclaw.tool;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of running a tool (seed 000 {@code {result, metadata:{execution_time, memory_used}}}).
 *
 * @param tool the tool's name
 * @param result what it returned; never null
 * @param millis how long it ran, in milliseconds
 * @param memoryBytes bytes allocated while it ran (0 when unknown)
 */
public record ToolExecution(String tool, JsonNode result, long millis, long memoryBytes) {
    /** Validates the fields. */
    public ToolExecution {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(result, "result");
    }

    /** The result as text for a model: a text node's text, else its JSON. */
    public String resultText() {
        return result.isTextual() ? result.textValue() : result.toString();
    }

    /** {@link #memoryBytes()} the way seed 000 shows it, e.g. {@code 2.5MB}. */
    public String memoryUsed() {
        double mb = memoryBytes / (1024.0 * 1024.0);
        return String.format(Locale.ROOT, "%.1fMB", mb);
    }
}
