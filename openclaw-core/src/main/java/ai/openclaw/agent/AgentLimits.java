package ai.openclaw.agent;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of the agent loop and of sub-agents (config {@code agents.*}).
 *
 * @param maxSteps the most model calls in one turn
 * @param maxToolTime the longest one tool call may run before the turn is stopped
 * @param turnTimeout the longest a whole turn may take
 * @param maxSpawnDepth how deep sub-agents may nest (1: children only)
 * @param maxChildren the most children one {@code spawn_agent} call may start
 * @param defaultChildTimeout a child's timeout when none is asked for
 * @param workspaceFileChars the most characters read from each of AGENTS.md and SOUL.md
 * @param maxToolResultChars the most characters of a tool result sent back to the model
 * @param toolsByDefault whether an agent that names no skills is offered every tool with real providers (the
 *     offline responder always is)
 */
public record AgentLimits(int maxSteps, Duration maxToolTime, Duration turnTimeout, int maxSpawnDepth,
                          int maxChildren, Duration defaultChildTimeout, int workspaceFileChars,
                          int maxToolResultChars, boolean toolsByDefault) {
    /** 8 steps, 60 s per tool, 300 s per turn, depth 2, 5 children, 120 s per child, 16 K chars, no default tools. */
    public static final AgentLimits DEFAULTS = new AgentLimits(8, Duration.ofSeconds(60), Duration.ofSeconds(300), 2,
            5, Duration.ofSeconds(120), 16_000, 32_000, false);

    /** Validates the bounds. */
    public AgentLimits {
        if (maxSteps < 1 || maxSpawnDepth < 0 || maxChildren < 1 || workspaceFileChars < 0
                || maxToolResultChars < 100) {
            throw new IllegalArgumentException("agent limits out of range");
        }
        Objects.requireNonNull(maxToolTime, "maxToolTime");
        Objects.requireNonNull(turnTimeout, "turnTimeout");
        Objects.requireNonNull(defaultChildTimeout, "defaultChildTimeout");
    }
}
