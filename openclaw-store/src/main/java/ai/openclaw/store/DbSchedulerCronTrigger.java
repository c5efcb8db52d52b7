package ai.openclaw.store;

import ai.openclaw.cron.CronTrigger;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CronTrigger} on db-scheduler 16 (table {@code scheduled_tasks}, V4): one execution of task
 * {@code openclaw-cron} per enabled job, instance id = job id, execution time = the slot it fires for. db-scheduler
 * claims a due execution with an optimistic lock, so with several gateways on one database exactly one runs it;
 * after the run the completion handler moves the same row to the next slot.
 *
 * <ul>
 *   <li><b>Wake-up</b>: besides db-scheduler's poll (the fallback, and how other nodes' changes are seen), a timer
 *       wakes the scheduler at each next slot this node schedules, so a slot fires when due, not at the next poll.
 *   <li><b>Failures</b> (storage contention, a closed pool): the execution is put back due at its own slot and
 *       retried at once; the slot keeps its identity, and the cron store's unique (job, slot) run keeps it from
 *       firing twice.
 *   <li><b>Dead executions</b> (a node killed mid-run): heartbeats every {@link #HEARTBEAT}; after
 *       {@link #MISSED_HEARTBEATS} missed ones (also checked at start) the execution is released at its own slot,
 *       and the cron service closes its stuck run as {@code interrupted} and follows its misfire policy.
 * </ul>
 */
final class DbSchedulerCronTrigger implements CronTrigger {
    static final String TASK = "openclaw-cron";
    /** How often a running execution's heartbeat is written. */
    static final Duration HEARTBEAT = Duration.ofSeconds(1);
    /** Missed heartbeats after which an execution counts as dead (its node crashed). */
    static final int MISSED_HEARTBEATS = 4;
    private static final Logger LOG = LoggerFactory.getLogger("openclaw.cron");
    private volatile BiFunction<String, Instant, Optional<Instant>> fire;
    private final CustomTask<Void> task;
    private final Scheduler scheduler;
    private final Clock clock;
    private final ScheduledExecutorService waker;
    private final Database db;

    DbSchedulerCronTrigger(Database db, Clock clock, Duration pollInterval) {
        this.clock = clock;
        this.db = db;
        ScheduledThreadPoolExecutor w = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "openclaw-cron-waker");
            t.setDaemon(true);
            return t;
        });
        w.setRemoveOnCancelPolicy(true);
        this.waker = w;
        FailureHandler<Void> retryAtOnce = (complete, ops) -> {
            Instant slot = complete.getExecution().executionTime;
            LOG.warn("cron job {} slot {} failed ({}); retrying at once", complete.getExecution().getId(), slot,
                    complete.getCause().map(Throwable::toString).orElse("unknown"));
            ops.reschedule(complete, slot);
            wakeAt(clock.instant().plusMillis(Math.min(1000, 20L << Math.min(6,
                    complete.getExecution().consecutiveFailures))));
        };
        DeadExecutionHandler<Void> releaseAtSlot = (complete, ops) -> {
            Instant slot = complete.getExecution().executionTime;
            LOG.warn("cron job {} slot {}: its node stopped during the run (picked by {}); taking it over",
                    complete.getExecution().getId(), slot, complete.getExecution().pickedBy);
            ops.reschedule(complete, slot);
            wakeAt(clock.instant());
        };
        this.task = Tasks.custom(TASK, Void.class)
                .onFailure(retryAtOnce)
                .onDeadExecution(releaseAtSlot)
                .execute((instance, ctx) -> {
                    Instant slot = ctx.getExecution().executionTime;
                    Optional<Instant> next = fire == null ? Optional.of(slot) : fire.apply(instance.getId(), slot);
                    return (CompletionHandler<Void>) (complete, ops) -> {
                        if (next.isPresent()) {
                            ops.reschedule(complete, next.get());
                            wakeAt(next.get());
                        } else {
                            ops.remove();
                        }
                    };
                });
        var builder = Scheduler.create(db.dataSource(), List.of(task));
        if (db.isSqlite()) {
            builder.jdbcCustomization(new SqliteSchedulerCustomization()); // no shared Calendar between threads
        }
        this.scheduler = builder
                .pollingInterval(pollInterval)
                .heartbeatInterval(HEARTBEAT)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                .threads(8)
                .clock(clock::instant)
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    /** Wakes the scheduler's due-execution check at {@code at} (at once when past). */
    private void wakeAt(Instant at) {
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis() + 1);
        try {
            waker.schedule(scheduler::triggerCheckForDueExecutions, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    @Override
    public void start(BiFunction<String, Instant, Optional<Instant>> fireFn) {
        this.fire = fireFn;
        releaseDead();
        scheduler.start();
    }

    /**
     * At start: executions still picked by a node whose heartbeat stopped long enough ago to count as dead are
     * released at their own slot at once (db-scheduler's own check would find them only at its next round).
     */
    private void releaseDead() {
        Instant limit = clock.instant().minus(HEARTBEAT.multipliedBy(MISSED_HEARTBEATS));
        int[] released = new int[1];
        try {
            db.write(h -> released[0] = h.createUpdate("UPDATE scheduled_tasks SET picked = :no, picked_by = NULL, "
                            + "last_heartbeat = NULL, version = version + 1 WHERE task_name = :task AND picked = :yes "
                            + "AND last_heartbeat < :limit")
                    .bind("no", false).bind("yes", true).bind("task", TASK)
                    .bind("limit", java.sql.Timestamp.from(limit)).execute());
        } catch (RuntimeException e) {
            LOG.warn("could not release cron executions of stopped nodes at start ({}); db-scheduler's dead-execution "
                    + "check will", e.toString());
        }
        if (released[0] > 0) {
            LOG.warn("took over {} cron execution(s) whose node stopped during the run", released[0]);
        }
    }

    @Override
    public synchronized void schedule(String jobId, Instant at) {
        TaskInstanceId id = TaskInstanceId.of(TASK, jobId);
        // Another node (or this one's completion) may move the row between the read and the write: its optimistic
        // lock then refuses ours; read again and retry.
        for (int attempt = 1; ; attempt++) {
            try {
                if (scheduler.getScheduledExecution(id).isPresent()) {
                    scheduler.reschedule(id, at);
                } else {
                    scheduler.scheduleIfNotExists(task.instance(jobId), at);
                }
                wakeAt(at);
                return;
            } catch (TaskInstanceCurrentlyExecutingException e) {
                // running right now: its completion re-reads the job and schedules the next slot from the new schedule
                return;
            } catch (RuntimeException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    @Override
    public synchronized void cancel(String jobId) {
        TaskInstanceId id = TaskInstanceId.of(TASK, jobId);
        for (int attempt = 1; attempt <= 5; attempt++) {
            if (scheduler.getScheduledExecution(id).isEmpty()) {
                return;
            }
            try {
                scheduler.cancel(id);
                return;
            } catch (TaskInstanceCurrentlyExecutingException e) {
                return; // picked right now: the run finds the job gone or disabled and removes the execution
            } catch (RuntimeException e) {
                // moved concurrently: read again
            }
        }
    }

    @Override
    public Optional<Instant> next(String jobId) {
        return scheduler.getScheduledExecution(TaskInstanceId.of(TASK, jobId)).map(e -> e.getExecutionTime());
    }

    @Override
    public void close() {
        waker.shutdownNow();
        scheduler.stop();
    }
}
