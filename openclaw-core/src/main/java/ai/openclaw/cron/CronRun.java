package ai.openclaw.cron;

import java.time.Instant;
import java.util.Objects;

/**
 * One firing of a cron job.
 *
 * @param id {@code run_…}
 * @param jobId the job
 * @param trigger {@code schedule} or {@code manual}
 * @param scheduledFor the schedule slot it fired for (its {@code scheduledAt}; null for manual runs)
 * @param startedAt when it started (its {@code firedAt})
 * @param endedAt when it ended, or null while running
 * @param status {@code running}, {@code ok}, {@code error} or {@code interrupted} (its gateway stopped during the
 *     run; the slot is not run again)
 * @param output the result text (system event text or agent reply), or null
 * @param error why it failed, or null
 */
public record CronRun(String id, String jobId, String trigger, Instant scheduledFor, Instant startedAt,
                      Instant endedAt, String status, String output, String error) {
    /** Validates the fields. */
    public CronRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
    }

    /** How late the run started after its slot, in milliseconds (0 for manual runs; never negative). */
    public long lagMillis() {
        return scheduledFor == null ? 0 : Math.max(0, startedAt.toEpochMilli() - scheduledFor.toEpochMilli());
    }
}
