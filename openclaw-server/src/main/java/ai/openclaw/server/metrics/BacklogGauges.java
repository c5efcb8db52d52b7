package ai.openclaw.server.metrics;

import ai.openclaw.store.BacklogStats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Gauges over the database's queues (issue 16): webhook outbox depth and the age of its oldest pending delivery, tasks
 * by status, the last cron run's lag and the number of stored memories. Values are read at most once a second
 * (several gauges share one query), so a scrape never hammers the database.
 */
public final class BacklogGauges {
    private static final String[] TASK_STATUSES = {"pending", "running", "completed", "failed", "cancelled"};
    private final BacklogStats stats;
    private final Clock clock;
    private final Map<String, Cached<?>> cache = new ConcurrentHashMap<>();

    private BacklogGauges(BacklogStats stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    /**
     * Registers the gauges.
     *
     * @param registry where they go
     * @param stats the queries behind them
     * @param clock the time source (for the oldest delivery's age and the cache)
     */
    public static void bind(MeterRegistry registry, BacklogStats stats, Clock clock) {
        BacklogGauges g = new BacklogGauges(stats, clock);
        Gauge.builder("openclaw_webhook_outbox_pending", g, x -> x.outbox().pending())
                .description("Webhook deliveries waiting to be sent or retried").register(registry);
        Gauge.builder("openclaw_webhook_outbox_oldest_age_seconds", g, x -> {
            BacklogStats.Outbox o = x.outbox();
            return o.pending() == 0 ? 0 : Math.max(0, x.clock.millis() - o.oldestCreatedAtMillis()) / 1000.0;
        }).description("Age of the oldest pending webhook delivery").register(registry);
        for (String status : TASK_STATUSES) {
            Gauge.builder("openclaw_tasks", g, x -> x.tasks().getOrDefault(status, 0L))
                    .tag("status", status).description("Background tasks by status").register(registry);
        }
        Gauge.builder("openclaw_cron_last_lag_seconds", g, x -> {
            long lag = x.cached("cronLag", stats::lastCronLagMillis);
            return lag < 0 ? Double.NaN : lag / 1000.0;
        }).description("How late the most recent scheduled cron run started (fire time minus scheduled time)")
                .register(registry);
        Gauge.builder("openclaw_memory_items", g, x -> x.cached("memories", stats::memories))
                .description("Stored memory items (the search index holds the same)").register(registry);
    }

    private BacklogStats.Outbox outbox() {
        return cached("outbox", stats::outbox);
    }

    private Map<String, Long> tasks() {
        return cached("tasks", stats::tasksByStatus);
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Supplier<T> load) {
        long now = clock.millis();
        Cached<?> c = cache.get(key);
        if (c == null || now - c.at() >= 1000) {
            c = new Cached<>(load.get(), now);
            cache.put(key, c);
        }
        return (T) c.value();
    }

    private record Cached<T>(T value, long at) {
    }
}
