package ai.openclaw.task;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.event.DomainEvent;
import ai.openclaw.event.EventBus;
import ai.openclaw.util.Ids;
import ai.openclaw.util.Page;
import ai.openclaw.webhook.WebhookEvents;
import ai.openclaw.webhook.WebhookService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link TaskService}: claims pending tasks from the store while fewer than N run. */
final class DefaultTaskService implements TaskService {
    private static final Logger LOG = LoggerFactory.getLogger("openclaw.task");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TaskStore store;
    private final TaskSettings settings;
    private final EventBus events;
    private final WebhookService webhooks;
    private final Clock clock;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final Map<String, TaskHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<Task>>> watchers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** A task being run: its future, timer and whether it was stopped from outside. */
    private static final class Running {
        volatile Future<?> future;
        volatile ScheduledFuture<?> timer;
        volatile boolean stopped;
    }

    DefaultTaskService(TaskStore store, TaskSettings settings, EventBus events, WebhookService webhooks, Clock clock,
                       ExecutorService workers, ScheduledExecutorService timers) {
        this.store = store;
        this.settings = settings;
        this.events = events;
        this.webhooks = webhooks;
        this.clock = clock;
        this.workers = workers;
        this.timers = timers;
    }

    void recover() {
        int n = store.recover(settings.maxAttempts(), "the gateway stopped while the task was running", clock.instant());
        if (n > 0) {
            LOG.info("recovered {} task(s) that were running when the gateway stopped", n);
        }
        timers.execute(this::pump);
    }

    @Override
    public void register(TaskHandler handler) {
        for (String type : handler.types()) {
            handlers.put(type, handler);
        }
        timers.execute(this::pump);
    }

    @Override
    public Set<String> types() {
        return new TreeSet<>(handlers.keySet());
    }

    @Override
    public Task submit(NewTask spec) {
        TaskHandler h = handlers.getOrDefault(spec.type(), handlers.get(TaskService.ANY_TYPE));
        if (h == null) {
            throw OpenClawException.invalid("field 'type' names an unknown task type '" + spec.type() + "'",
                    "known types: " + String.join(", ", types()));
        }
        h.validate(spec.parameters());
        Instant now = clock.instant();
        Task t = new Task(Ids.newId("task"), spec.name() == null || spec.name().isBlank() ? spec.type() : spec.name(),
                spec.type(), spec.parameters(), spec.priority(), spec.timeoutSeconds(), TaskStatus.PENDING, 0, null,
                null, spec.callback(), spec.owner(), 0, now, now, null, null);
        store.insert(t);
        pumpAsync();
        return t;
    }

    @Override
    public Task get(String id, String owner) {
        return store.find(id).filter(t -> owner == null || owner.equals(t.owner()))
                .orElseThrow(() -> OpenClawException.notFound("task", id));
    }

    @Override
    public Page<Task> list(String owner, TaskStatus status, int offset, int limit) {
        return store.list(owner, status, offset, limit);
    }

    @Override
    public Task cancel(String id, String owner) {
        Task t = get(id, owner);
        if (t.status().terminal()) {
            return t;
        }
        Instant now = clock.instant();
        if (t.status() == TaskStatus.PENDING && store.finish(id, TaskStatus.PENDING, TaskStatus.CANCELLED, null,
                "cancelled by request", now)) {
            changed(id);
            return get(id, owner);
        }
        if (store.finish(id, TaskStatus.RUNNING, TaskStatus.CANCELLED, null, "cancelled by request", now)) {
            stop(id);
        }
        changed(id);
        return get(id, owner);
    }

    @Override
    public AutoCloseable watch(String id, String owner, Consumer<Task> listener) {
        get(id, owner);
        watchers.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> watchers.computeIfPresent(id, (k, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    private void pumpAsync() {
        try {
            timers.execute(this::pump);
        } catch (RuntimeException e) {
            // shutting down: the next start runs it
        }
    }

    private synchronized void pump() {
        try {
            while (!closed && running.size() < settings.concurrency()) {
                Optional<Task> next = store.claimNext(clock.instant());
                if (next.isEmpty()) {
                    return;
                }
                start(next.get());
            }
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.warn("task queue poll failed: {}", e.toString());
            }
        }
    }

    private void start(Task t) {
        Running r = new Running();
        running.put(t.id(), r);
        int timeout = t.timeoutSeconds() != null ? t.timeoutSeconds() : settings.defaultTimeoutSeconds();
        r.timer = timers.schedule(() -> timeout(t.id(), timeout), timeout, TimeUnit.SECONDS);
        r.future = workers.submit(() -> execute(t, r));
    }

    private void execute(Task t, Running r) {
        try {
            changed(t.id());
            TaskHandler h = handlers.getOrDefault(t.type(), handlers.get(TaskService.ANY_TYPE));
            if (h == null) {
                throw new IllegalStateException("no handler for task type '" + t.type() + "'");
            }
            Object result = h.run(new Context(t, r));
            if (!r.stopped && store.finish(t.id(), TaskStatus.RUNNING, TaskStatus.COMPLETED, json(result), null,
                    clock.instant())) {
                finished(t.id());
            }
        } catch (Exception e) {
            if (!r.stopped && !closed) {
                String msg = e instanceof OpenClawException oe && oe.details() != null
                        ? e.getMessage() + ": " + oe.details() : String.valueOf(e.getMessage());
                if (store.finish(t.id(), TaskStatus.RUNNING, TaskStatus.FAILED, null, msg, clock.instant())) {
                    finished(t.id());
                }
            }
        } finally {
            ScheduledFuture<?> timer = r.timer;
            if (timer != null) {
                timer.cancel(false);
            }
            running.remove(t.id());
            if (!closed) {
                changed(t.id());
                pumpAsync();
            }
        }
    }

    private void timeout(String id, int seconds) {
        if (store.finish(id, TaskStatus.RUNNING, TaskStatus.FAILED, null, "timed out after " + seconds + " s",
                clock.instant())) {
            stop(id);
            finished(id);
            changed(id);
        }
    }

    private void stop(String id) {
        Running r = running.get(id);
        if (r != null) {
            r.stopped = true;
            Future<?> f = r.future;
            if (f != null) {
                f.cancel(true);
            }
        }
    }

    /** Publishes task.completed / task.failed and enqueues the callback. */
    private void finished(String id) {
        Task t = store.find(id).orElse(null);
        if (t == null || !(t.status() == TaskStatus.COMPLETED || t.status() == TaskStatus.FAILED)) {
            return;
        }
        String event = t.status() == TaskStatus.COMPLETED ? WebhookEvents.TASK_COMPLETED : WebhookEvents.TASK_FAILED;
        Map<String, Object> data = outcome(t);
        events.publish(new DomainEvent(event, clock.instant(), data, t.owner()));
        if (t.callback() != null) {
            webhooks.enqueueDirect(t.callback().url(), t.callback().secret(), t.callback().headers(), event, data);
        }
    }

    /** The event and callback data: id, name, type, status, progress, result or error, times. */
    static Map<String, Object> outcome(Task t) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("task_id", t.id());
        d.put("name", t.name());
        d.put("type", t.type());
        d.put("status", t.status().wire());
        d.put("progress", t.progress());
        if (t.result() != null) {
            d.put("result", t.result());
        }
        if (t.error() != null) {
            d.put("error", t.error());
        }
        d.put("created_at", t.createdAt().toString());
        if (t.completedAt() != null) {
            d.put("completed_at", t.completedAt().toString());
        }
        return d;
    }

    private void changed(String id) {
        List<Consumer<Task>> list = watchers.get(id);
        if (list == null || list.isEmpty()) {
            return;
        }
        store.find(id).ifPresent(t -> list.forEach(l -> {
            try {
                l.accept(t);
            } catch (RuntimeException e) {
                LOG.debug("task watcher failed: {}", e.toString());
            }
        }));
    }

    private static String json(Object result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("task result is not JSON-serialisable", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        running.values().forEach(r -> {
            Future<?> f = r.future;
            if (f != null) {
                f.cancel(true);
            }
        });
    }

    /** The handler's view of its task. */
    private final class Context implements TaskContext {
        private final Task task;
        private final Running running;

        Context(Task task, Running running) {
            this.task = task;
            this.running = running;
        }

        @Override
        public String taskId() {
            return task.id();
        }

        @Override
        public String owner() {
            return task.owner();
        }

        @Override
        public Map<String, Object> parameters() {
            return task.parameters();
        }

        @Override
        public String name() {
            return task.name();
        }

        @Override
        public String type() {
            return task.type();
        }

        @Override
        public int attempt() {
            return Math.max(1, task.attempts());
        }

        @Override
        public void progress(int percent) {
            if (running.stopped) {
                return;
            }
            store.progress(task.id(), Math.max(0, Math.min(100, percent)), clock.instant());
            changed(task.id());
        }

        @Override
        public boolean cancelled() {
            return running.stopped || Thread.currentThread().isInterrupted();
        }
    }
}
