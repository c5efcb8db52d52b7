package ai.openclaw.tool;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Who runs a tool and where.
 *
 * @param sessionId the session of the calling turn, or null for a direct API call
 * @param agentId the calling agent's id; never null
 * @param owner the owner id new things (e.g. child sessions) belong to; never null
 * @param ownerFilter the owner whose sessions are visible, or null for all (the gateway token)
 * @param workspace the agent's workspace directory; file tools stay inside it; never null
 * @param depth 0 for a top-level turn, 1 for a sub-agent, and so on
 * @param deadline when the calling turn must end, or null for none
 */
public record ToolContext(String sessionId, String agentId, String owner, String ownerFilter, Path workspace,
                          int depth, Instant deadline) {
    /** Validates the required fields. */
    public ToolContext {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(workspace, "workspace");
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be >= 0");
        }
    }
}
