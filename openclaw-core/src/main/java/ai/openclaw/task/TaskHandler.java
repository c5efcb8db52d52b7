package ai.openclaw.task;

import ai.openclaw.error.OpenClawException;
import java.util.Map;

/**
 * A pluggable task type (the extension point for {@code agent}, {@code analysis}, {@code skill}…). Register one
 * with {@link TaskService#register}. A handler runs on a worker thread; it is interrupted on cancel or timeout.
 */
public interface TaskHandler {
    /** The type names this handler serves, e.g. {@code ["analysis", "data-processing"]}. */
    java.util.List<String> types();

    /**
     * Checks parameters when the task is created, so bad input is refused at once.
     *
     * @throws OpenClawException INVALID_REQUEST naming the parameter
     */
    default void validate(Map<String, Object> parameters) {
    }

    /**
     * Runs the task.
     *
     * @return a JSON-able result (map, list, string, number), stored as the task's {@code result}
     * @throws Exception any failure; its message becomes the task's {@code error}
     */
    Object run(TaskContext context) throws Exception;
}
