package ai.openclaw.task;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.event.EventBus;
import ai.openclaw.util.Page;
import ai.openclaw.webhook.WebhookService;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Background tasks: a persistent priority queue run by a bounded number of workers, with progress, timeouts,
 * cancellation, {@code task.completed}/{@code task.failed} events and signed callbacks. After a restart, queued
 * tasks run and tasks that were running are retried (up to {@link TaskSettings#maxAttempts}) or failed with a
 * reason. {@code owner} arguments restrict access to one owner's tasks (null = unrestricted).
 */
public interface TaskService extends AutoCloseable {
    /** The type a handler lists to serve every type that has no handler of its own. */
    String ANY_TYPE = "*";

    /** Adds a task type (replacing a handler of the same type). */
    void register(TaskHandler handler);

    /** The registered type names. */
    Set<String> types();

    /**
     * Queues a task.
     *
     * @throws OpenClawException INVALID_REQUEST for an unknown type or parameters its handler refuses
     */
    Task submit(NewTask spec);

    /**
     * A task.
     *
     * @throws OpenClawException NOT_FOUND if unknown or another owner's
     */
    Task get(String id, String owner);

    /** A page of tasks, newest first, optionally of one status. */
    Page<Task> list(String owner, TaskStatus status, int offset, int limit);

    /**
     * Cancels a pending or running task (a running one is interrupted); a finished task is returned unchanged.
     *
     * @throws OpenClawException NOT_FOUND if unknown or another owner's
     */
    Task cancel(String id, String owner);

    /**
     * Watches a task: {@code listener} receives the task after every change (status, progress).
     *
     * @return a handle whose {@code close()} stops the watching
     * @throws OpenClawException NOT_FOUND if unknown or another owner's
     */
    AutoCloseable watch(String id, String owner, Consumer<Task> listener);

    /** Stops taking work; running tasks are interrupted and recovered on the next start. */
    @Override
    void close();

    /**
     * The default implementation, recovering and starting work at once.
     *
     * @param store where tasks live
     * @param settings concurrency, default timeout, attempts
     * @param events where {@code task.completed}/{@code task.failed} go
     * @param webhooks sends the signed callbacks
     * @param clock the time source
     * @param workers runs the handlers (one thread per running task)
     * @param timers fires timeouts
     */
    static TaskService start(TaskStore store, TaskSettings settings, EventBus events, WebhookService webhooks,
                             Clock clock, ExecutorService workers, ScheduledExecutorService timers) {
        DefaultTaskService s = new DefaultTaskService(store, settings, events, webhooks, clock, workers, timers);
        s.recover();
        return s;
    }
}
