package ai.openclaw.cron;

import java.time.Instant;
import java.util.Objects;

/**
 * One firing of a cron job.
 *
 * @param id {@code run_…}
 * @param jobId the job
 * @param trigger {@code schedule} or {@code manual}
 * @param scheduledFor the schedule slot it fired for (null for manual runs)
 * @param startedAt when it started
 * @param endedAt when it ended, or null while running
 * @param status {@code running}, {@code ok} or {@code error}
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
}
