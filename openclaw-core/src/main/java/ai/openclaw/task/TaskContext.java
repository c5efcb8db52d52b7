package ai.openclaw.task;

import java.util.Map;

/** What a {@link TaskHandler} sees while it runs one task. */
public interface TaskContext {
    /** The task's id. */
    String taskId();

    /** The creating owner id (handlers act with its rights). */
    String owner();

    /** The task's parameters. */
    Map<String, Object> parameters();

    /** Reports progress, 0–100 (stored and pushed to SSE watchers). */
    void progress(int percent);

    /**
     * Which start of the task this is: 1 for the first, more when it is re-run after a restart interrupted it
     * (a handler then continues or finishes what the earlier attempt stored, rather than repeating it).
     */
    default int attempt() {
        return 1;
    }

    /** Whether the task was cancelled or timed out (handlers should stop soon). */
    boolean cancelled();

    /** The task's name (seed 000 {@code name}); defaults to its id. */
    default String name() {
        return taskId();
    }

    /** The task's type, e.g. {@code data-processing}; null when unknown. */
    default String type() {
        return null;
    }
}
