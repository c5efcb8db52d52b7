package ai.openclaw.util;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * A value built at most once, off the start-up path: ahead of time on a background executor ({@link #prepareOn}),
 * or by the first caller of {@link #get} if no executor has started it yet, whichever comes first; a caller that
 * arrives while another thread builds it waits for that build. Thread-safe. Used for what the gateway needs only on
 * some requests (the GraphQL schema, the OpenAPI JSON, the MCP server, a skill's HTTP client), so that start-up
 * does not wait for it.
 *
 * @param <T> the value's type
 */
public final class Deferred<T> implements Supplier<T> {
    private final String what;
    private final FutureTask<T> task;

    private Deferred(String what, Supplier<? extends T> build) {
        this.what = Objects.requireNonNull(what, "what");
        Objects.requireNonNull(build, "build");
        this.task = new FutureTask<>(() -> Objects.requireNonNull(build.get(), () -> what + " was built as null"));
    }

    /**
     * A value built on first use.
     *
     * @param what what it is, for the error message when building fails (e.g. {@code "the GraphQL schema"})
     * @param build builds it (not null; must not return null)
     * @return the deferred value, not yet built
     */
    public static <T> Deferred<T> of(String what, Supplier<? extends T> build) {
        return new Deferred<>(what, build);
    }

    /**
     * Starts building the value on an executor now (no-op if it is already built or being built).
     *
     * @param executor where to build it; if it refuses the task, the first {@link #get} builds the value instead
     * @return this
     */
    public Deferred<T> prepareOn(Executor executor) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // the first get() builds it
        }
        return this;
    }

    /** Whether the value has been built (or its build has failed). */
    public boolean isDone() {
        return task.isDone();
    }

    /**
     * The value: builds it on this thread if nobody has started, else waits for the build under way.
     *
     * @return the value (never null)
     * @throws IllegalStateException when building failed (every call then throws; the cause is the build's
     *     exception), or when this thread is interrupted while waiting
     */
    @Override
    public T get() {
        task.run(); // no-op unless nobody has started it
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(what + " could not be built: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }
}
