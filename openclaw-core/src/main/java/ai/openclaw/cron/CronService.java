package ai.openclaw.cron;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.event.EventBus;
import ai.openclaw.session.ConversationService;
import ai.openclaw.util.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Cron jobs: create, change, delete, run now, and the run history; due runs fire exactly once per schedule slot,
 * also across restarts and with several nodes on one database.
 *
 * <p>Misfire policy: a slot missed while no gateway was running fires once when one starts again; the other slots
 * missed in that gap are skipped (not replayed), and the job continues with its next slot after the current time.
 * {@code owner} arguments restrict access to one owner's jobs (null = unrestricted).
 */
public interface CronService extends AutoCloseable {
    /**
     * Creates a job and schedules it.
     *
     * @throws OpenClawException INVALID_REQUEST when name, schedule or payload is missing
     */
    CronJob create(CronJobSpec spec, String owner);

    /** Jobs visible to {@code owner}. */
    List<CronJob> list(String owner);

    /**
     * A job.
     *
     * @throws OpenClawException NOT_FOUND if unknown or another owner's
     */
    CronJob get(String id, String owner);

    /**
     * Changes a job and reschedules it.
     *
     * @throws OpenClawException NOT_FOUND if unknown or another owner's
     */
    CronJob update(String id, CronJobSpec patch, String owner);

    /**
     * Deletes a job, its schedule and its runs.
     *
     * @throws OpenClawException NOT_FOUND if unknown or another owner's
     */
    void delete(String id, String owner);

    /**
     * Runs a job now (outside its schedule) and returns the finished run.
     *
     * @throws OpenClawException NOT_FOUND if unknown or another owner's
     */
    CronRun runNow(String id, String owner);

    /**
     * A page of a job's runs, newest first.
     *
     * @throws OpenClawException NOT_FOUND if unknown or another owner's
     */
    Page<CronRun> runs(String id, String owner, int offset, int limit);

    /** The job's next scheduled fire time, if any. */
    Optional<Instant> nextRun(CronJob job);

    /** Stops firing. */
    @Override
    void close();

    /**
     * The default implementation, started: jobs missing a scheduled execution are scheduled, due ones fire.
     *
     * @param store jobs and runs
     * @param trigger the persistent timer
     * @param conversations runs {@code agentTurn} payloads
     * @param events receives {@code cron.fired} for {@code systemEvent} payloads
     * @param clock the time source
     */
    static CronService start(CronStore store, CronTrigger trigger, ConversationService conversations,
                             EventBus events, Clock clock) {
        DefaultCronService s = new DefaultCronService(store, trigger, conversations, events, clock);
        s.start();
        return s;
    }
}
