package ai.openclaw.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A webhook subscription (seeds 002 and 003): where to POST which events, and the secret that signs them.
 *
 * @param id the endpoint id ({@code wh_…} for API endpoints, {@code cfg_…} for {@code webhooks.endpoints[]})
 * @param url the http(s) URL deliveries go to
 * @param events the event names it receives ({@code *} for all); never empty
 * @param secret the HMAC secret; never blank
 * @param owner the owner id of whoever registered it ({@code gateway} for config endpoints and the operator's); an
 *     endpoint receives only events about its owner's resources, the operator's receive all
 * @param enabled false once disabled (a receiver answered 410 Gone)
 * @param disabledReason why it was disabled, or null
 * @param fromConfig whether it comes from config.yaml (then it cannot be deleted over the API)
 * @param createdAt when it was registered
 */
public record WebhookEndpoint(String id, String url, Set<String> events, String secret, String owner,
                              boolean enabled, String disabledReason, boolean fromConfig, Instant createdAt) {
    /** Validates the fields and copies the event set. */
    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        events = Set.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("events must not be empty");
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("secret must not be blank");
        }
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether this is the operator's endpoint (config, or registered by the gateway token or an admin key): it gets
     * every owner's events. */
    public boolean operatorOwned() {
        return fromConfig || "gateway".equals(owner);
    }

    /** Whether this endpoint wants events of the given type. */
    public boolean wants(String eventType) {
        return enabled && (events.contains(eventType) || events.contains("*"));
    }
}
