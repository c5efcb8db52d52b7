package ai.openclaw.task;

import java.util.Map;
import java.util.Objects;

/**
 * A task to create.
 *
 * @param name a display name, or null to use the type
 * @param type the handler type
 * @param parameters the handler's input
 * @param priority higher runs first (default 0)
 * @param timeoutSeconds the running-time limit in seconds, or null for the configured default
 * @param callback where to POST the outcome, or null
 * @param owner the creating owner id
 */
public record NewTask(String name, String type, Map<String, Object> parameters, int priority, Integer timeoutSeconds,
                      TaskCallback callback, String owner) {
    /** Validates the fields. */
    public NewTask {
        Objects.requireNonNull(type, "type");
        parameters = parameters == null ? Map.of() : parameters;
        Objects.requireNonNull(owner, "owner");
        if (timeoutSeconds != null && timeoutSeconds <= 0) {
            throw new IllegalArgumentException("timeoutSeconds must be > 0");
        }
    }
}
