package ai.openclaw.server;

import ai.openclaw.config.GatewayConfig;
import ai.openclaw.cron.CronService;
import ai.openclaw.event.EventBus;
import ai.openclaw.store.BackgroundStores;
import ai.openclaw.session.ConversationService;
import ai.openclaw.store.Database;
import ai.openclaw.task.TaskHandlers;
import ai.openclaw.task.TaskService;
import ai.openclaw.task.TaskSettings;
import ai.openclaw.util.SecretCipher;
import ai.openclaw.webhook.WebhookService;
import ai.openclaw.webhook.WebhookSettings;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The background-work services of issue 5, wired together and closed together: webhooks (and their outbox),
 * tasks and cron jobs. Each runs on its own executors so a slow receiver or a long task never slows the API.
 */
public final class BackgroundWork implements AutoCloseable {
    private final WebhookService webhooks;
    private final WebhookSettings webhookSettings;
    private final TaskService tasks;
    private final CronService cron;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService senders;
    private final HttpClient http;

    private BackgroundWork(WebhookService webhooks, WebhookSettings webhookSettings, TaskService tasks,
                           CronService cron, ScheduledExecutorService scheduler, ExecutorService senders,
                           HttpClient http) {
        this.webhooks = webhooks;
        this.webhookSettings = webhookSettings;
        this.tasks = tasks;
        this.cron = cron;
        this.scheduler = scheduler;
        this.senders = senders;
        this.http = http;
    }

    /**
     * Builds and starts the services.
     *
     * @throws IllegalArgumentException for an invalid {@code webhooks} config section
     */
    static BackgroundWork start(GatewayConfig config, Database db, EventBus events, ConversationService conversations,
                                Clock clock, SecretCipher cipher) {
        return start(config, db, events, conversations, clock, cipher, owner -> null);
    }

    /** Starts background work; {@code workspaces} gives an owner's workspace for tasks that name files. */
    static BackgroundWork start(GatewayConfig config, Database db, EventBus events, ConversationService conversations,
                                Clock clock, SecretCipher cipher,
                                java.util.function.Function<String, java.nio.file.Path> workspaces) {
        int sealed = BackgroundStores.sealPlainSecrets(db, cipher);
        if (sealed > 0) {
            org.slf4j.LoggerFactory.getLogger("openclaw.secrets").info(
                    "encrypted {} webhook/callback secrets that were stored in plain text", sealed);
        }
        WebhookSettings settings = WebhookSettings.from(config.tree());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "openclaw-background");
            t.setDaemon(true);
            return t;
        });
        ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout().compareTo(Duration.ofSeconds(10)) < 0 ? settings.timeout()
                        : Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).executor(senders).build();
        WebhookService webhooks = WebhookService.start(BackgroundStores.webhooks(db, cipher), settings, events, clock,
                scheduler, senders, http);
        TaskService tasks = TaskService.start(BackgroundStores.tasks(db, cipher), TaskSettings.from(config.tree()), events,
                webhooks, clock, senders, scheduler);
        tasks.register(TaskHandlers.agent(conversations));
        tasks.register(TaskHandlers.analysis(conversations, new UrlText(http, settings)::fetch, workspaces));
        tasks.register(TaskHandlers.generic(conversations, workspaces));
        CronService cron = CronService.start(BackgroundStores.cron(db), BackgroundStores.cronTrigger(db, clock,
                Duration.ofMillis(Math.max(100, config.tree().path("cron").path("pollMs").asLong(1000)))),
                conversations, events, clock);
        return new BackgroundWork(webhooks, settings, tasks, cron, scheduler, senders, http);
    }

    /** Background tasks. */
    public TaskService tasks() {
        return tasks;
    }

    /** Cron jobs. */
    public CronService cron() {
        return cron;
    }

    /** Webhook endpoints and deliveries. */
    public WebhookService webhooks() {
        return webhooks;
    }

    /** The {@code webhooks} config section (private-target rule, timeouts). */
    public WebhookSettings webhookSettings() {
        return webhookSettings;
    }

    /** The outbound HTTP client (no redirects) used for webhooks, callbacks and fetched task inputs. */
    public HttpClient http() {
        return http;
    }

    @Override
    public void close() {
        cron.close();
        tasks.close();
        webhooks.close();
        scheduler.shutdownNow();
        senders.shutdown();
        try {
            if (!senders.awaitTermination(2, TimeUnit.SECONDS)) {
                senders.shutdownNow();
                senders.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        webhooks.releaseInFlight();
        http.shutdownNow();
    }
}
