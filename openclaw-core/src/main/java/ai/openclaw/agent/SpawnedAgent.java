package ai.openclaw.agent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A sub-agent's state (seed 002 spawn): {@code running}, then {@code completed}, {@code failed} or
 * {@code timeout}.
 *
 * @param id the spawn id (also the child's session id)
 * @param task the task
 * @param model the model asked for, or null
 * @param skills the skills it may use
 * @param status {@code running}, {@code completed}, {@code failed} or {@code timeout}
 * @param result the child's answer when completed, else null
 * @param error why it failed or timed out, else null
 * @param owner the owner
 * @param parentSessionId the spawning session, or null
 * @param depth its depth
 * @param timeoutMillis its time limit in milliseconds
 * @param createdAt when it was started
 * @param completedAt when it finished, or null
 */
public record SpawnedAgent(String id, String task, String model, List<String> skills, String status, String result,
                           String error, String owner, String parentSessionId, int depth, long timeoutMillis,
                           Instant createdAt, Instant completedAt) {
    /** Validates the required fields. */
    public SpawnedAgent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(task, "task");
        skills = skills == null ? List.of() : List.copyOf(skills);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether it has finished (any outcome). */
    public boolean done() {
        return !"running".equals(status);
    }

    /** This agent finished with the given outcome. */
    SpawnedAgent finish(String newStatus, String newResult, String newError, Instant at) {
        return new SpawnedAgent(id, task, model, skills, newStatus, newResult, newError, owner, parentSessionId, depth,
                timeoutMillis, createdAt, at);
    }
}
