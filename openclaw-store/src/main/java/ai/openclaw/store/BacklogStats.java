package ai.openclaw.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Read-only counts of the gateway's queues, for the Prometheus gauges (issue 16): the webhook outbox, tasks by status,
 * cron lag and the memory store's size. Each method is one indexed or small aggregate query; callers cache the
 * results between scrapes.
 */
public final class BacklogStats {
    private final Database db;

    /**
     * Reads from a database.
     *
     * @param db the gateway's database
     */
    public BacklogStats(Database db) {
        this.db = db;
    }

    /**
     * The webhook outbox.
     *
     * @param pending deliveries still to be sent (including ones waiting for a retry)
     * @param oldestCreatedAtMillis creation time of the oldest pending delivery (epoch ms), or 0 when none
     */
    public record Outbox(long pending, long oldestCreatedAtMillis) {
    }

    /** The pending part of the webhook outbox. */
    public Outbox outbox() {
        return db.read(h -> h.createQuery("SELECT COUNT(*) AS n, COALESCE(MIN(created_at), 0) AS oldest "
                        + "FROM webhook_deliveries WHERE status = 'pending'")
                .map((rs, c) -> new Outbox(rs.getLong("n"), rs.getLong("oldest"))).one());
    }

    /** Tasks by status ({@code pending}, {@code running}, {@code completed}, …): status → count. */
    public Map<String, Long> tasksByStatus() {
        Map<String, Long> out = new LinkedHashMap<>();
        db.read(h -> h.createQuery("SELECT status, COUNT(*) AS n FROM tasks GROUP BY status")
                .map((rs, c) -> out.put(rs.getString("status"), rs.getLong("n"))).list());
        return out;
    }

    /**
     * The lag of the most recent scheduled cron run: its start minus its scheduled slot, in milliseconds; -1 when no
     * scheduled run has happened yet (manual runs have no slot and are not counted).
     */
    public long lastCronLagMillis() {
        return db.read(h -> h.createQuery("SELECT started_at - scheduled_for AS lag FROM cron_runs "
                        + "WHERE scheduled_for IS NOT NULL ORDER BY started_at DESC LIMIT 1")
                .mapTo(Long.class).findOne().orElse(-1L));
    }

    /** How many memory items are stored (the search index holds the same items). */
    public long memories() {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM memories").mapTo(Long.class).one());
    }
}
