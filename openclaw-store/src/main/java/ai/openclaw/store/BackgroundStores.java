package ai.openclaw.store;

import ai.openclaw.task.TaskStore;
import ai.openclaw.webhook.WebhookStore;

/** The JDBC stores of background work (issue 5): webhooks and their outbox, tasks, cron jobs. */
public final class BackgroundStores {
    private BackgroundStores() {
    }

    /** The webhook endpoint and delivery outbox store. */
    public static WebhookStore webhooks(Database db) {
        return new JdbcWebhookStore(db);
    }

    /** The task store. */
    public static TaskStore tasks(Database db) {
        return new JdbcTaskStore(db);
    }
}
