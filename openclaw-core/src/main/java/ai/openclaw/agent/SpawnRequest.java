package ai.openclaw.agent;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A request to start a sub-agent (seed 002 {@code POST /api/v1/agents/spawn}: {@code task}, {@code model},
 * {@code timeout}, {@code skills}).
 *
 * @param task what the child should do; never blank
 * @param model the child's model, or null for the default
 * @param timeout how long the child may run; positive
 * @param skills the tools and skills the child may use; empty for all
 * @param owner the owner of the child's session
 * @param parentSessionId the session that spawned it, or null for an API call
 * @param depth the child's depth: 1 for a child of a top-level turn
 */
public record SpawnRequest(String task, String model, Duration timeout, List<String> skills, String owner,
                           String parentSessionId, int depth) {
    /** Validates the fields and copies the skills. */
    public SpawnRequest {
        Objects.requireNonNull(task, "task");
        if (task.isBlank()) {
            throw new IllegalArgumentException("task must not be blank");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        skills = skills == null ? List.of() : List.copyOf(skills);
        Objects.requireNonNull(owner, "owner");
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1");
        }
    }
}
