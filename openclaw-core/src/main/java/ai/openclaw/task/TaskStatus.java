package ai.openclaw.task;

import java.util.Locale;

/** A task's state: pending → running → completed | failed | cancelled (seed 000's status values). */
public enum TaskStatus {
    /** Queued, waiting for a worker. */
    PENDING,
    /** A worker is running it. */
    RUNNING,
    /** Finished with a result. */
    COMPLETED,
    /** Finished with an error (including timeouts and restarts). */
    FAILED,
    /** Cancelled by a caller. */
    CANCELLED;

    /** The wire name, e.g. {@code pending}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the task has finished. */
    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /**
     * The status with this wire name.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static TaskStatus fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
