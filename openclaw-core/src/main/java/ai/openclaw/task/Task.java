package ai.openclaw.task;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A background task (seeds 000 and 003).
 *
 * @param id the task id, {@code task_…}
 * @param name a display name
 * @param type the handler type, e.g. {@code agent}, {@code analysis}
 * @param parameters the handler's input (seed 000 {@code parameters}, seed 003 {@code input}); never null
 * @param priority higher runs first
 * @param timeoutSeconds fails the task after this many seconds of running, or null for no limit
 * @param status the state
 * @param progress 0–100
 * @param result the handler's JSON-able result when completed, else null
 * @param error why it failed or was cancelled, else null
 * @param callback where to POST the outcome, or null
 * @param owner the creating owner id
 * @param attempts how many times a worker started it
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param startedAt when it last started running, or null
 * @param completedAt when it reached a terminal state, or null
 */
public record Task(String id, String name, String type, Map<String, Object> parameters, int priority,
                   Integer timeoutSeconds, TaskStatus status, int progress, Object result, String error,
                   TaskCallback callback, String owner, int attempts, Instant createdAt, Instant updatedAt,
                   Instant startedAt, Instant completedAt) {
    /** Validates the fields. */
    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(parameters));
        Objects.requireNonNull(status, "status");
        if (progress < 0 || progress > 100) {
            throw new IllegalArgumentException("progress must be 0-100, got " + progress);
        }
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
