package ai.openclaw.tool;

import ai.openclaw.error.OpenClawException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tool the gateway can run for a model or an API caller: a {@link ToolDescriptor} and an implementation.
 * Arguments are validated against {@link ToolDescriptor#inputSchema()} by the {@link ToolRegistry} before
 * {@link #execute} is called. Implementations are thread-safe.
 */
public interface Tool {
    /** What the tool is and what it takes. */
    ToolDescriptor descriptor();

    /**
     * Runs the tool.
     *
     * @param args the validated arguments object
     * @param context who is calling and where
     * @return the result: a text node for plain text, otherwise any JSON value
     * @throws OpenClawException with a code that says what went wrong (e.g. FORBIDDEN for a path outside the
     *     workspace, UPSTREAM_ERROR for an unreachable service, TIMEOUT); other exceptions become UPSTREAM_ERROR
     * @throws Exception for unexpected failures
     */
    JsonNode execute(JsonNode args, ToolContext context) throws Exception;
}
