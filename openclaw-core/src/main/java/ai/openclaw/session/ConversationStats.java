package ai.openclaw.session;

/**
 * Live conversation counters for the status APIs (seed 004 {@code resources}).
 *
 * @param sessions stored-session counts
 * @param queueDepth turns waiting for their session's earlier turn to finish
 * @param turnsInFlight turns currently calling a model
 * @param contextUsage prompt tokens of the most recent turn (how much context it used)
 */
public record ConversationStats(SessionStats sessions, int queueDepth, int turnsInFlight, long contextUsage) {
}
