package ai.openclaw.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code tasks:} section of config.yaml.
 *
 * @param concurrency how many tasks run at once ({@code tasks.concurrency}, default 4)
 * @param defaultTimeoutSeconds the running-time limit when a task names none ({@code tasks.defaultTimeoutSeconds},
 *     default 3600)
 * @param maxAttempts how many times a task interrupted by a restart is started before it fails
 *     ({@code tasks.maxAttempts}, default 2)
 */
public record TaskSettings(int concurrency, int defaultTimeoutSeconds, int maxAttempts) {
    /** Validates the ranges. */
    public TaskSettings {
        if (concurrency < 1) {
            throw new IllegalArgumentException("config: tasks.concurrency must be >= 1");
        }
        if (defaultTimeoutSeconds < 1) {
            throw new IllegalArgumentException("config: tasks.defaultTimeoutSeconds must be >= 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("config: tasks.maxAttempts must be >= 1");
        }
    }

    /** Reads the section from the resolved config tree. */
    public static TaskSettings from(JsonNode root) {
        JsonNode t = root.path("tasks");
        return new TaskSettings(t.path("concurrency").asInt(4), t.path("defaultTimeoutSeconds").asInt(3600),
                t.path("maxAttempts").asInt(2));
    }
}
