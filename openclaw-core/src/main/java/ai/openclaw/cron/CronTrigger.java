package ai.openclaw.cron;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The persistent, cluster-safe timer under cron jobs (db-scheduler in the store module): one scheduled execution
 * per enabled job, claimed by exactly one node when due.
 */
public interface CronTrigger extends AutoCloseable {
    /**
     * Starts firing.
     *
     * @param fire called once per due execution with the job id and the slot it was due at; returns the next
     *     fire time, or empty to stop
     */
    void start(BiFunction<String, Instant, Optional<Instant>> fire);

    /** Schedules (or moves) a job's next execution. */
    void schedule(String jobId, Instant at);

    /** Removes a job's execution, if any. */
    void cancel(String jobId);

    /** The job's next execution time, if scheduled. */
    Optional<Instant> next(String jobId);

    /** Stops firing (waits briefly for running executions). */
    @Override
    void close();
}
