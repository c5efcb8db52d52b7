package ai.openclaw.tool;

import ai.openclaw.error.OpenClawException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The one registry of tools (built-ins and skills): listing, lookup, and validated, time-limited execution.
 */
public interface ToolRegistry {
    /**
     * Adds a tool, replacing one of the same name.
     *
     * @param tool the tool
     */
    void register(Tool tool);

    /** Every registered tool's descriptor, by name. */
    List<ToolDescriptor> list();

    /** The tool with this name, if registered. */
    Optional<Tool> find(String name);

    /**
     * Validates the arguments against the tool's input schema and runs it.
     *
     * @param name the tool name
     * @param args the arguments object (null means {@code {}})
     * @param context who calls and where
     * @param timeout the longest the tool may run
     * @param fieldPrefix prefix for field names in validation errors, e.g. {@code parameters.}
     * @return the result with timing
     * @throws OpenClawException NOT_FOUND for an unknown tool; INVALID_REQUEST naming the field for arguments that
     *     break the schema; TIMEOUT when it runs longer than {@code timeout}; the tool's own error otherwise
     *     (unexpected failures as UPSTREAM_ERROR)
     */
    ToolExecution execute(String name, JsonNode args, ToolContext context, Duration timeout, String fieldPrefix);

    /**
     * A registry that runs tools on {@code executor}.
     *
     * @param executor runs tool bodies (virtual threads recommended)
     */
    static ToolRegistry create(ExecutorService executor) {
        return new DefaultToolRegistry(executor);
    }

    /**
     * {@code base} plus a caller's own tools (e.g. an owner's workspace skills) for one turn or call: listed and run
     * like the base's; a base tool of the same name wins.
     *
     * @param base the gateway's registry
     * @param tools the caller's tools
     * @param executor runs their bodies
     * @return {@code base} itself when {@code tools} is empty
     */
    static ToolRegistry overlay(ToolRegistry base, List<Tool> tools, ExecutorService executor) {
        return tools.isEmpty() ? base : new OverlayToolRegistry(base, tools, executor);
    }
}
