package ai.openclaw.store;

import ai.openclaw.cron.CronStore;
import ai.openclaw.cron.CronTrigger;
import ai.openclaw.task.TaskStore;
import java.time.Clock;
import java.time.Duration;
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

    /** The cron job and run store. */
    public static CronStore cron(Database db) {
        return new JdbcCronStore(db);
    }

    /**
     * The cron timer on db-scheduler over this database.
     *
     * @param pollInterval how often due executions are looked for
     */
    public static CronTrigger cronTrigger(Database db, Clock clock, Duration pollInterval) {
        return new DbSchedulerCronTrigger(db, clock, pollInterval);
    }
}
