package ai.openclaw.cron;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.event.DomainEvent;
import ai.openclaw.event.EventBus;
import ai.openclaw.llm.ChatMessage;
import ai.openclaw.session.ConversationService;
import ai.openclaw.session.NewSession;
import ai.openclaw.session.Session;
import ai.openclaw.session.TurnOrigin;
import ai.openclaw.session.TurnRequest;
import ai.openclaw.session.TurnResult;
import ai.openclaw.util.Ids;
import ai.openclaw.util.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link CronService}. */
final class DefaultCronService implements CronService {
    private static final Logger LOG = LoggerFactory.getLogger("openclaw.cron");
    /** How far behind its schedule a job may fall while up before the missed slots are skipped. */
    static final Duration MAX_BACKLOG = Duration.ofMinutes(10);
    private final CronStore store;
    private final CronTrigger trigger;
    private final ConversationService conversations;
    private final EventBus events;
    private final Clock clock;
    /** When this service started firing: a slot due before it was missed while this gateway was down. */
    private volatile Instant upSince = Instant.MIN;

    DefaultCronService(CronStore store, CronTrigger trigger, ConversationService conversations, EventBus events,
                       Clock clock) {
        this.store = store;
        this.trigger = trigger;
        this.conversations = conversations;
        this.events = events;
        this.clock = clock;
    }

    void start() {
        Instant now = clock.instant();
        upSince = now;
        for (CronJob job : store.list(null)) {
            if (job.enabled() && trigger.next(job.id()).isEmpty()) {
                job.schedule().nextAfter(now, job.createdAt()).ifPresent(at -> trigger.schedule(job.id(), at));
            }
        }
        trigger.start(this::fire);
    }

    @Override
    public CronJob create(CronJobSpec spec, String owner) {
        if (spec.name() == null || spec.name().isBlank()) {
            throw OpenClawException.invalid("field 'name' is required");
        }
        if (spec.schedule() == null) {
            throw OpenClawException.invalid("field 'schedule' is required");
        }
        if (spec.payload() == null) {
            throw OpenClawException.invalid("field 'payload' is required");
        }
        Instant now = clock.instant();
        CronJob job = new CronJob(Ids.newId("job"), spec.name(), owner, spec.schedule(), spec.payload(),
                spec.sessionTarget(), spec.enabled() == null || spec.enabled(), now, now);
        store.insert(job);
        reschedule(job);
        return job;
    }

    @Override
    public List<CronJob> list(String owner) {
        return store.list(owner);
    }

    @Override
    public CronJob get(String id, String owner) {
        return store.find(id).filter(j -> owner == null || owner.equals(j.owner()))
                .orElseThrow(() -> OpenClawException.notFound("cron job", id));
    }

    @Override
    public CronJob update(String id, CronJobSpec patch, String owner) {
        CronJob old = get(id, owner);
        if (patch.name() != null && patch.name().isBlank()) {
            throw OpenClawException.invalid("field 'name' must not be empty");
        }
        CronJob job = new CronJob(id, patch.name() != null ? patch.name() : old.name(), old.owner(),
                patch.schedule() != null ? patch.schedule() : old.schedule(),
                patch.payload() != null ? patch.payload() : old.payload(),
                patch.sessionTarget() != null ? patch.sessionTarget() : old.sessionTarget(),
                patch.enabled() != null ? patch.enabled() : old.enabled(), old.createdAt(), clock.instant());
        store.update(job);
        reschedule(job);
        return job;
    }

    private void reschedule(CronJob job) {
        Optional<Instant> next = job.enabled() ? job.schedule().nextAfter(clock.instant(), job.createdAt())
                : Optional.empty();
        if (next.isPresent()) {
            trigger.schedule(job.id(), next.get());
        } else {
            trigger.cancel(job.id());
        }
    }

    @Override
    public void delete(String id, String owner) {
        get(id, owner);
        trigger.cancel(id);
        store.delete(id);
    }

    @Override
    public CronRun runNow(String id, String owner) {
        CronJob job = get(id, owner);
        CronRun run = new CronRun(Ids.newId("run"), id, "manual", null, clock.instant(), null, "running", null, null);
        store.startRun(run);
        execute(job, run);
        return store.run(run.id()).orElse(run);
    }

    @Override
    public Page<CronRun> runs(String id, String owner, int offset, int limit) {
        get(id, owner);
        return store.runs(id, offset, limit);
    }

    @Override
    public Optional<Instant> nextRun(CronJob job) {
        return job.enabled() ? trigger.next(job.id()) : Optional.empty();
    }

    /**
     * One due execution: records the slot's run (at most once per slot), runs it, returns the next slot.
     *
     * <p>A slot whose run already exists was interrupted (its node died mid-run, or the run's completion could not
     * be stored): that run is closed as {@code interrupted} and not repeated. Misfire policy: slots missed while
     * this gateway was down (due before it started) get one catch-up run (the oldest), after which the job resumes
     * with its first slot since the start. While the gateway is up every slot fires: a late one is followed by
     * the very next slot even if that is already due (a backlog of more than {@link #MAX_BACKLOG} is skipped).
     */
    Optional<Instant> fire(String jobId, Instant slot) {
        Optional<CronJob> found = store.find(jobId);
        if (found.isEmpty() || !found.get().enabled()) {
            return Optional.empty();
        }
        CronJob job = found.get();
        Instant now = clock.instant();
        if (job.schedule() instanceof CronSchedule.Every every
                && Math.floorMod(slot.toEpochMilli() - job.createdAt().toEpochMilli(), every.everyMs()) != 0) {
            // every slot of an `every` job is its anchor plus a multiple of the period: evidence for a stray execution
            LOG.warn("cron job {} fired for {}, which is not one of its slots (every {} ms from {})", jobId, slot,
                    every.everyMs(), job.createdAt());
        }
        Optional<Instant> following = job.schedule().nextAfter(slot, job.createdAt());
        boolean missedWhileDown = following.isPresent() && !following.get().isAfter(now) && slot.isBefore(upSince);
        CronRun run = new CronRun(Ids.newId("run"), jobId, "schedule", slot, now, null, "running", null, null);
        boolean fresh = store.startRun(run);
        if (fresh) {
            execute(job, run);
        } else {
            store.failInterrupted(jobId, slot, "the gateway stopped during this run", now);
            LOG.info("cron job {} slot {} already started (interrupted); not firing it again", jobId, slot);
        }
        Instant after = clock.instant();
        // re-read: the job may have been changed, disabled or deleted while it ran
        Optional<CronJob> current = store.find(jobId).filter(CronJob::enabled);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        CronSchedule schedule = current.get().schedule();
        Instant anchor = current.get().createdAt();
        if (!schedule.equals(job.schedule())) {
            return schedule.nextAfter(after, anchor);
        }
        Optional<Instant> next = schedule.nextAfter(slot, anchor);
        if (next.isEmpty() || next.get().isAfter(after)) {
            return next;
        }
        // an interrupted slot did not run: its next slot follows at once (the catch-up, when that was missed too)
        if (fresh && missedWhileDown) {
            // this run was the catch-up: on with the first slot since this start (due slots then fire in order)
            return schedule.nextAfter(upSince.minusMillis(1), anchor);
        }
        if (Duration.between(next.get(), after).compareTo(MAX_BACKLOG) > 0) {
            LOG.warn("cron job {} is more than {} behind its schedule; skipping to its next slot", jobId, MAX_BACKLOG);
            return schedule.nextAfter(after, anchor);
        }
        return next;
    }

    private void execute(CronJob job, CronRun run) {
        String status = "ok";
        String output = null;
        String error = null;
        try {
            output = switch (job.payload()) {
                case CronPayload.SystemEvent se -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("job_id", job.id());
                    data.put("name", job.name());
                    data.put("run_id", run.id());
                    data.put("kind", "systemEvent");
                    data.put("text", se.text());
                    events.publish(new DomainEvent("cron.fired", clock.instant(), data, job.owner()));
                    yield se.text();
                }
                case CronPayload.AgentTurn at -> agentTurn(job, at, run.id());
            };
        } catch (RuntimeException e) {
            status = "error";
            error = String.valueOf(e.getMessage());
            LOG.warn("cron job {} run {} failed: {}", job.id(), run.id(), e.toString());
        }
        store.finishRun(run.id(), status, output, error, clock.instant());
    }

    private String agentTurn(CronJob job, CronPayload.AgentTurn at, String runId) {
        String target = job.sessionTarget();
        boolean isolated = target == null || target.isBlank() || target.equals("isolated");
        // isolated: a fresh session per run (a new id, so the template may assert it is new); main or a named
        // session: created on the first run, appended to on every later one (a template without an id)
        String session = isolated ? "cron:" + job.id() + ":" + runId
                : target.equals("main") ? Session.DEFAULT_AGENT : target;
        // a named session's template has no id: the stored session is read first, so another owner's session is
        // "not found" (and the caller gets its own), never "already exists"
        TurnRequest turn = new TurnRequest(session, job.owner(), true, new NewSession(isolated ? session : null,
                "cron " + job.name(), at.agentId(), null, job.owner(), null, Map.of("cronJobId", job.id())),
                at.model(), List.of(ChatMessage.user(at.message())), null, null, null)
                        .from(new TurnOrigin("cron", job.owner(), null));
        TurnResult r = conversations.runTurn(turn);
        return r.reply().content();
    }

    @Override
    public void close() {
        trigger.close();
    }
}
