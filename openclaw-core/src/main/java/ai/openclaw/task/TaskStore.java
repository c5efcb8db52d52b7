package ai.openclaw.task;

import ai.openclaw.util.Page;
import java.time.Instant;
import java.util.Optional;

/** Where tasks are kept (the JDBC store implements it). Every state change is a conditional update. */
public interface TaskStore {
    /** Stores a new pending task. */
    void insert(Task task);

    /** A task by id. */
    Optional<Task> find(String id);

    /** A page of tasks of {@code owner} (null = all), optionally of one status, newest first. */
    Page<Task> list(String owner, TaskStatus status, int offset, int limit);

    /**
     * Moves the highest-priority, oldest pending task to running (attempts + 1, progress 0).
     *
     * @return the claimed task, or empty when none is pending
     */
    Optional<Task> claimNext(Instant now);

    /** Stores progress of a running task. */
    void progress(String id, int progress, Instant now);

    /**
     * Finishes a task that is in {@code from}.
     *
     * @return false when it was no longer in {@code from} (cancelled, timed out…), so nothing changed
     */
    boolean finish(String id, TaskStatus from, TaskStatus to, String resultJson, String error, Instant now);

    /**
     * Recovers after a restart: running tasks with fewer than {@code maxAttempts} attempts go back to pending,
     * the others fail with {@code reason}.
     *
     * @return how many tasks were found running
     */
    int recover(int maxAttempts, String reason, Instant now);
}
