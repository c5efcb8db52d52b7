package ai.openclaw.webhook;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.event.EventBus;
import ai.openclaw.util.Page;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Webhooks: subscriptions, and delivery of domain events through a persistent outbox with signed POSTs,
 * retries with exponential backoff and jitter, and no loss across restarts. {@code owner} arguments restrict
 * access to one owner's endpoints (null = unrestricted).
 */
public interface WebhookService extends AutoCloseable {
    /**
     * Applies a changed {@code webhooks} config section while running (issue 13): the config's endpoints, whether
     * delivery is on, the private-target rule, timeout, attempts, backoff and retention apply from the next event or
     * delivery; the number of senders and the poll interval stay as started.
     *
     * @param settings the new section
     */
    void reconfigure(WebhookSettings settings);

    /**
     * Registers an endpoint.
     *
     * @param url the target; checked against the private-target rule
     * @param events event names ({@link WebhookEvents#ALL}); at least one
     * @param secret the signing secret, or null to generate one
     * @param owner the registering owner
     * @throws OpenClawException INVALID_REQUEST naming the field for a bad URL, target or event name
     */
    WebhookEndpoint create(String url, List<String> events, String secret, String owner);

    /** Endpoints visible to {@code owner}: config endpoints (to administrators only) then stored ones. */
    List<WebhookEndpoint> list(String owner);

    /**
     * One endpoint.
     *
     * @throws OpenClawException NOT_FOUND if unknown or another owner's
     */
    WebhookEndpoint get(String id, String owner);

    /**
     * Deletes an API endpoint; its pending deliveries fail.
     *
     * @throws OpenClawException NOT_FOUND if unknown or another owner's; CONFLICT for a config endpoint
     */
    void delete(String id, String owner);

    /**
     * A page of an endpoint's delivery log, newest first.
     *
     * @throws OpenClawException NOT_FOUND if the endpoint is unknown or another owner's
     */
    Page<WebhookDelivery> deliveries(String endpointId, String owner, int offset, int limit);

    /**
     * Enqueues a signed POST of {@code {event, timestamp, data}} to one URL (a task's callback).
     *
     * @return the delivery id ({@code webhook-id})
     */
    String enqueueDirect(String url, String secret, Map<String, String> headers, String event,
                         Map<String, Object> data);

    /** Event names accepted in subscriptions. */
    default Set<String> eventNames() {
        return WebhookEvents.ALL;
    }

    /** Stops dispatching; pending deliveries stay in the outbox for the next start. */
    @Override
    void close();

    /**
     * After {@link #close()} and once the sender executor has stopped: makes deliveries whose attempt was cut short
     * due again at once, so the next start sends them without waiting for their claim to lapse.
     */
    default void releaseInFlight() {
    }

    /**
     * The default implementation, subscribed to {@code events} and dispatching from now on.
     *
     * @param store the outbox and API endpoints
     * @param settings the config section
     * @param events the bus whose events are delivered
     * @param clock the time source
     * @param scheduler runs the outbox poll
     * @param senders runs the HTTP attempts (so a slow receiver never holds up anything else)
     * @param http the HTTP client (must not follow redirects)
     */
    static WebhookService start(WebhookStore store, WebhookSettings settings, EventBus events, Clock clock,
                                ScheduledExecutorService scheduler, ExecutorService senders, HttpClient http) {
        DefaultWebhookService s = new DefaultWebhookService(store, settings, clock, scheduler, senders, http);
        s.start(events);
        return s;
    }
}
