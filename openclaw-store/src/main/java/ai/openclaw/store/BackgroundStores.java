package ai.openclaw.store;

import ai.openclaw.cron.CronStore;
import ai.openclaw.cron.CronTrigger;
import ai.openclaw.task.TaskStore;
import ai.openclaw.util.SecretCipher;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import ai.openclaw.webhook.WebhookStore;

/** The JDBC stores of background work (issue 5): webhooks and their outbox, tasks, cron jobs. */
public final class BackgroundStores {
    private BackgroundStores() {
    }

    /**
     * The webhook endpoint and delivery outbox store; signing secrets are sealed with {@code cipher} at rest.
     */
    public static WebhookStore webhooks(Database db, SecretCipher cipher) {
        return new JdbcWebhookStore(db, cipher);
    }

    /** The task store; callback secrets are sealed with {@code cipher} at rest. */
    public static TaskStore tasks(Database db, SecretCipher cipher) {
        return new JdbcTaskStore(db, cipher);
    }

    /**
     * Seals the secrets stored in plain text before encryption at rest existed (webhook endpoints, pending direct
     * deliveries, task callbacks), in place; run once at start, before the stores are used.
     *
     * @return how many values were sealed
     */
    public static int sealPlainSecrets(Database db, SecretCipher cipher) {
        int[] n = new int[1];
        for (String[] column : new String[][] {{"webhook_endpoints", "secret"}, {"webhook_deliveries", "secret"},
                {"tasks", "callback_secret"}}) {
            db.write(h -> {
                List<String[]> plain = h.createQuery("SELECT id, " + column[1] + " AS s FROM " + column[0] + " WHERE "
                                + column[1] + " IS NOT NULL AND " + column[1] + " NOT LIKE :sealed")
                        .bind("sealed", SecretCipher.PREFIX + "%")
                        .map((rs, ctx) -> new String[] {rs.getString("id"), rs.getString("s")}).list();
                for (String[] row : plain) {
                    n[0] += h.createUpdate("UPDATE " + column[0] + " SET " + column[1] + " = :s WHERE id = :id")
                            .bind("s", cipher.seal(row[1])).bind("id", row[0]).execute();
                }
            });
        }
        return n[0];
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
