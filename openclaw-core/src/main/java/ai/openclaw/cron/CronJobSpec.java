package ai.openclaw.cron;

/**
 * The fields of a job to create or change; null fields keep their current value on update.
 *
 * @param name a display name
 * @param schedule when it fires
 * @param payload what it does
 * @param sessionTarget {@code isolated}, {@code main} or a session id
 * @param enabled whether it fires on schedule
 */
public record CronJobSpec(String name, CronSchedule schedule, CronPayload payload, String sessionTarget,
                          Boolean enabled) {
}
