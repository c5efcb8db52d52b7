package ai.openclaw.session;

/**
 * Counts for the status APIs (seed 001 {@code sessions.active/total}, seed 004 {@code resources.tokenUsage}).
 *
 * @param total sessions stored
 * @param active sessions with a turn stored in the last hour
 * @param messages messages stored
 * @param tokenUsage input plus output tokens of every stored turn
 */
public record SessionStats(long total, long active, long messages, long tokenUsage) {
}
