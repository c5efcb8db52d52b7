package ai.openclaw.webhook;

import java.util.Set;

/** The webhook event names of seeds 002 and 003. */
public final class WebhookEvents {
    /** A conversation was created. */
    public static final String CONVERSATION_CREATED = "conversation.created";
    /** A user message was received. */
    public static final String MESSAGE_RECEIVED = "message.received";
    /** An assistant reply was sent. */
    public static final String MESSAGE_SENT = "message.sent";
    /** A background task completed. */
    public static final String TASK_COMPLETED = "task.completed";
    /** A background task failed. */
    public static final String TASK_FAILED = "task.failed";
    /** Every event name a subscription may name ({@code *} subscribes to all). */
    public static final Set<String> ALL = Set.of(CONVERSATION_CREATED, MESSAGE_RECEIVED, MESSAGE_SENT,
            TASK_COMPLETED, TASK_FAILED, "skill.installed", "agent.updated", "agent.spawned", "agent.completed",
            "agent.error", "system.error", "rate_limit.exceeded", "cron.fired", "*");

    private WebhookEvents() {
    }
}
