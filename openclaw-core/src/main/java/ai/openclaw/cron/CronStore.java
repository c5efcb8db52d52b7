package ai.openclaw.cron;

import ai.openclaw.util.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where cron jobs and their run history are kept (the JDBC store implements it). */
public interface CronStore {
    /** Stores a new job. */
    void insert(CronJob job);

    /** Replaces a job's fields. */
    void update(CronJob job);

    /** A job by id. */
    Optional<CronJob> find(String id);

    /** Jobs of {@code owner} (null = all), oldest first. */
    List<CronJob> list(String owner);

    /** Deletes a job and its runs; false if it did not exist. */
    boolean delete(String id);

    /**
     * Records the start of a run. For scheduled runs the (job, slot) pair is unique: a second start for the same
     * slot (another node, or a revived execution) is refused.
     *
     * @return false when a run for this slot already exists
     */
    boolean startRun(CronRun run);

    /** Records the end of a run. */
    void finishRun(String runId, String status, String output, String error, Instant endedAt);

    /** Marks runs of a slot still {@code running} (interrupted by a crash) as {@code interrupted}. */
    void failInterrupted(String jobId, Instant scheduledFor, String reason, Instant now);

    /** A page of a job's runs, newest first. */
    Page<CronRun> runs(String jobId, int offset, int limit);

    /** A run by id. */
    Optional<CronRun> run(String runId);
}
