package ai.openclaw.store;

import ai.openclaw.cron.CronJob;
import ai.openclaw.cron.CronJson;
import ai.openclaw.cron.CronRun;
import ai.openclaw.cron.CronStore;
import ai.openclaw.util.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link CronStore} over JDBC: tables {@code cron_jobs} and {@code cron_runs} (V4). */
final class JdbcCronStore implements CronStore {
    private final Database db;

    JdbcCronStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(CronJob j) {
        db.write(h -> h.createUpdate("INSERT INTO cron_jobs (id, name, owner, schedule, payload, session_target, "
                        + "enabled, created_at, updated_at) VALUES (:id, :name, :owner, :schedule, :payload, :target, "
                        + ":enabled, :created, :updated)")
                .bind("id", j.id()).bind("name", j.name()).bind("owner", j.owner())
                .bind("schedule", CronJson.toJson(j.schedule()).toString())
                .bind("payload", CronJson.toJson(j.payload()).toString()).bind("target", j.sessionTarget())
                .bind("enabled", j.enabled() ? 1 : 0).bind("created", j.createdAt().toEpochMilli())
                .bind("updated", j.updatedAt().toEpochMilli()).execute());
    }

    @Override
    public void update(CronJob j) {
        db.write(h -> h.createUpdate("UPDATE cron_jobs SET name = :name, schedule = :schedule, payload = :payload, "
                        + "session_target = :target, enabled = :enabled, updated_at = :updated WHERE id = :id")
                .bind("id", j.id()).bind("name", j.name())
                .bind("schedule", CronJson.toJson(j.schedule()).toString())
                .bind("payload", CronJson.toJson(j.payload()).toString()).bind("target", j.sessionTarget())
                .bind("enabled", j.enabled() ? 1 : 0).bind("updated", j.updatedAt().toEpochMilli()).execute());
    }

    @Override
    public Optional<CronJob> find(String id) {
        return db.read(h -> h.createQuery("SELECT * FROM cron_jobs WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> job(rs)).findOne());
    }

    @Override
    public List<CronJob> list(String owner) {
        return db.read(h -> {
            var q = h.createQuery("SELECT * FROM cron_jobs" + (owner == null ? "" : " WHERE owner = :owner")
                    + " ORDER BY created_at, id");
            if (owner != null) {
                q.bind("owner", owner);
            }
            return q.map((rs, ctx) -> job(rs)).list();
        });
    }

    @Override
    public boolean delete(String id) {
        boolean[] found = new boolean[1];
        db.write(h -> {
            h.createUpdate("DELETE FROM cron_runs WHERE job_id = :id").bind("id", id).execute();
            found[0] = h.createUpdate("DELETE FROM cron_jobs WHERE id = :id").bind("id", id).execute() > 0;
        });
        return found[0];
    }

    @Override
    public boolean startRun(CronRun r) {
        try {
            return insertRun(r);
        } catch (RuntimeException e) {
            if (r.scheduledFor() != null && slotTaken(r)) {
                return false;
            }
            throw e;
        }
    }

    private boolean slotTaken(CronRun r) {
        return db.read(h -> h.createQuery("SELECT count(*) FROM cron_runs WHERE job_id = :job AND scheduled_for = :slot")
                .bind("job", r.jobId()).bind("slot", r.scheduledFor().toEpochMilli()).mapTo(Long.class).one() > 0);
    }

    private boolean insertRun(CronRun r) {
        boolean[] inserted = new boolean[1];
        db.write(h -> {
            if (r.scheduledFor() != null && h.createQuery("SELECT count(*) FROM cron_runs WHERE job_id = :job AND "
                    + "scheduled_for = :slot").bind("job", r.jobId()).bind("slot", r.scheduledFor().toEpochMilli())
                    .mapTo(Long.class).one() > 0) {
                return;
            }
            h.createUpdate("INSERT INTO cron_runs (id, job_id, trigger_kind, scheduled_for, started_at, ended_at, "
                            + "status, output, error) VALUES (:id, :job, :trigger, :slot, :started, NULL, :status, "
                            + "NULL, NULL)")
                    .bind("id", r.id()).bind("job", r.jobId()).bind("trigger", r.trigger())
                    .bind("slot", r.scheduledFor() == null ? null : r.scheduledFor().toEpochMilli())
                    .bind("started", r.startedAt().toEpochMilli()).bind("status", r.status()).execute();
            inserted[0] = true;
        });
        return inserted[0];
    }

    @Override
    public void finishRun(String runId, String status, String output, String error, Instant endedAt) {
        db.write(h -> h.createUpdate("UPDATE cron_runs SET status = :status, output = :output, error = :error, "
                        + "ended_at = :ended WHERE id = :id")
                .bind("status", status).bind("output", output).bind("error", error)
                .bind("ended", endedAt.toEpochMilli()).bind("id", runId).execute());
    }

    @Override
    public void failInterrupted(String jobId, Instant scheduledFor, String reason, Instant now) {
        db.write(h -> h.createUpdate("UPDATE cron_runs SET status = 'interrupted', error = :reason, ended_at = :now "
                        + "WHERE job_id = :job AND scheduled_for = :slot AND status = 'running'")
                .bind("reason", reason).bind("now", now.toEpochMilli()).bind("job", jobId)
                .bind("slot", scheduledFor.toEpochMilli()).execute());
    }

    @Override
    public Page<CronRun> runs(String jobId, int offset, int limit) {
        return db.read(h -> {
            long total = h.createQuery("SELECT count(*) FROM cron_runs WHERE job_id = :job").bind("job", jobId)
                    .mapTo(Long.class).one();
            List<CronRun> items = h.createQuery("SELECT * FROM cron_runs WHERE job_id = :job ORDER BY started_at "
                            + "DESC, id LIMIT :limit OFFSET :offset").bind("job", jobId).bind("limit", limit)
                    .bind("offset", offset).map((rs, ctx) -> run(rs)).list();
            return new Page<>(items, total, offset, limit);
        });
    }

    @Override
    public Optional<CronRun> run(String runId) {
        return db.read(h -> h.createQuery("SELECT * FROM cron_runs WHERE id = :id").bind("id", runId)
                .map((rs, ctx) -> run(rs)).findOne());
    }

    private static CronJob job(ResultSet rs) throws SQLException {
        return new CronJob(rs.getString("id"), rs.getString("name"), rs.getString("owner"),
                CronJson.schedule(CronJson.parse(rs.getString("schedule"))),
                CronJson.payload(CronJson.parse(rs.getString("payload"))), rs.getString("session_target"),
                rs.getInt("enabled") != 0, Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    private static CronRun run(ResultSet rs) throws SQLException {
        return new CronRun(rs.getString("id"), rs.getString("job_id"), rs.getString("trigger_kind"),
                JdbcApiKeyStore.instant(rs, "scheduled_for"), Instant.ofEpochMilli(rs.getLong("started_at")),
                JdbcApiKeyStore.instant(rs, "ended_at"), rs.getString("status"), rs.getString("output"),
                rs.getString("error"));
    }
}
