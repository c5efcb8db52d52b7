package ai.openclaw.store;

import ai.openclaw.cron.CronTrigger;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@link CronTrigger} on db-scheduler 16 (table {@code scheduled_tasks}, V4): one execution of task
 * {@code openclaw-cron} per enabled job, instance id = job id. db-scheduler claims a due execution with an
 * optimistic lock, so with several gateways on one database exactly one runs it; after the run the completion
 * handler moves the same row to the next slot. A gateway that was down finds past-due rows on start and runs each
 * once (the misfire policy of {@link ai.openclaw.cron.CronService}). An execution whose node died mid-run is revived
 * after db-scheduler's dead-execution timeout; the cron store's unique (job, slot) run keeps it from firing twice.
 */
final class DbSchedulerCronTrigger implements CronTrigger {
    static final String TASK = "openclaw-cron";
    private volatile BiFunction<String, Instant, Optional<Instant>> fire;
    private final CustomTask<Void> task;
    private final Scheduler scheduler;

    DbSchedulerCronTrigger(Database db, Clock clock, Duration pollInterval) {
        this.task = Tasks.custom(TASK, Void.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(30)))
                .execute((instance, ctx) -> {
                    Instant slot = ctx.getExecution().executionTime;
                    Optional<Instant> next = fire == null ? Optional.of(clock.instant().plusSeconds(1))
                            : fire.apply(instance.getId(), slot);
                    return (CompletionHandler<Void>) (complete, ops) -> {
                        if (next.isPresent()) {
                            ops.reschedule(complete, next.get());
                        } else {
                            ops.remove();
                        }
                    };
                });
        this.scheduler = Scheduler.create(db.dataSource(), List.of(task))
                .pollingInterval(pollInterval)
                .threads(2)
                .clock(clock::instant)
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    @Override
    public void start(BiFunction<String, Instant, Optional<Instant>> fireFn) {
        this.fire = fireFn;
        scheduler.start();
    }

    @Override
    public void schedule(String jobId, Instant at) {
        TaskInstanceId id = TaskInstanceId.of(TASK, jobId);
        try {
            if (scheduler.getScheduledExecution(id).isPresent()) {
                scheduler.reschedule(id, at);
            } else {
                scheduler.scheduleIfNotExists(task.instance(jobId), at);
            }
        } catch (TaskInstanceCurrentlyExecutingException e) {
            // running right now: its completion re-reads the job and schedules the next slot from the new schedule
        }
    }

    @Override
    public void cancel(String jobId) {
        TaskInstanceId id = TaskInstanceId.of(TASK, jobId);
        if (scheduler.getScheduledExecution(id).isPresent()) {
            try {
                scheduler.cancel(id);
            } catch (RuntimeException e) {
                // picked right now: the run finds the job gone or disabled and removes the execution
            }
        }
    }

    @Override
    public Optional<Instant> next(String jobId) {
        return scheduler.getScheduledExecution(TaskInstanceId.of(TASK, jobId)).map(e -> e.getExecutionTime());
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
