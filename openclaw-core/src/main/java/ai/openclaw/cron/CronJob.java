package ai.openclaw.cron;

import java.time.Instant;
import java.util.Objects;

/**
 * A scheduled job (seed 004 {@code /api/v1/cron/jobs}).
 *
 * @param id {@code job_…}
 * @param name a display name
 * @param owner the creating owner id
 * @param schedule when it fires
 * @param payload what it does
 * @param sessionTarget for agent turns: {@code isolated} (default, a session per job), {@code main}, or a session id
 * @param enabled whether it fires on schedule
 * @param createdAt when it was created (the anchor of {@code every} periods)
 * @param updatedAt when it last changed
 */
public record CronJob(String id, String name, String owner, CronSchedule schedule, CronPayload payload,
                      String sessionTarget, boolean enabled, Instant createdAt, Instant updatedAt) {
    /** Validates the fields. */
    public CronJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
