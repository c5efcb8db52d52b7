package ai.openclaw.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Objects;

/**
 * The Java client of an OpenClaw gateway (seeds 000–004), on the JDK {@code HttpClient} and Jackson. Thread-safe.
 *
 * <pre>{@code
 * OpenClawClient client = OpenClawClient.builder().baseUrl("http://localhost:18789").token(token).build();
 * System.out.println(client.message().send("你好", "default").text());
 * try (Stream<String> s = client.message().stream("写一首诗", null)) { s.forEach(System.out::print); }
 * }</pre>
 */
public final class OpenClawClient {
    /** The SDK's version: the gateway release it was built with. */
    public static final String VERSION = "2026.11.0";
    /** Used when neither the builder nor {@code OPENCLAW_BASE_URL} names a gateway. */
    public static final String DEFAULT_BASE_URL = "http://localhost:18789";

    private final Transport transport;
    private final MessageApi message;
    private final ConversationApi conversations;
    private final AgentApi agents;
    private final MemoryApi memory;
    private final TaskApi tasks;
    private final CronApi cron;
    private final AdminApi admin;

    /**
     * The client's settings.
     *
     * @param baseUrl the gateway's address without a trailing slash
     * @param credential the gateway token or API key, sent as {@code Authorization: Bearer} (may be null)
     * @param timeout the limit of one whole request (streams: until the response starts)
     * @param maxRetries retries of 408/429/5xx and connection failures
     * @param backoff the first retry's wait (doubling, with jitter)
     * @param maxRetryWait the longest wait; a longer {@code Retry-After} is not waited for
     */
    public record Options(String baseUrl, String credential, Duration timeout, int maxRetries, Duration backoff,
            Duration maxRetryWait) {
        /** Validates the settings. */
        public Options {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(backoff, "backoff");
            Objects.requireNonNull(maxRetryWait, "maxRetryWait");
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0");
            }
        }
    }

    /** Builds a client; unset values come from {@code OPENCLAW_BASE_URL} / {@code OPENCLAW_API_KEY} or defaults. */
    public static final class Builder {
        private String baseUrl;
        private String credential;
        private Duration timeout = Duration.ofSeconds(60);
        private int maxRetries = 2;
        private Duration backoff = Duration.ofMillis(500);
        private Duration maxRetryWait = Duration.ofSeconds(30);

        private Builder() {
        }

        /** The gateway's address, e.g. {@code http://localhost:18789}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** The gateway token. */
        public Builder token(String token) {
            this.credential = token;
            return this;
        }

        /** An API key ({@code oc_api_sk_…}). */
        public Builder apiKey(String apiKey) {
            this.credential = apiKey;
            return this;
        }

        /** The limit of one request (default 60 s). */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Retries of 408/429/5xx and connection failures (default 2). */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** The first retry's wait (default 500 ms) and the longest wait (default 30 s). */
        public Builder backoff(Duration first, Duration maxRetryWait) {
            this.backoff = first;
            this.maxRetryWait = maxRetryWait;
            return this;
        }

        /** The client. */
        public OpenClawClient build() {
            String base = baseUrl != null && !baseUrl.isBlank() ? baseUrl : System.getenv("OPENCLAW_BASE_URL");
            if (base == null || base.isBlank()) {
                base = DEFAULT_BASE_URL;
            }
            while (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            for (String suffix : new String[] {"/api/v1", "/v2", "/v1"}) {
                if (base.endsWith(suffix)) {
                    base = base.substring(0, base.length() - suffix.length());
                    break;
                }
            }
            String cred = credential != null ? credential : System.getenv("OPENCLAW_API_KEY");
            return new OpenClawClient(new Options(base, cred, timeout, maxRetries, backoff, maxRetryWait));
        }
    }

    private OpenClawClient(Options options) {
        this.transport = new Transport(options);
        this.message = new MessageApi(transport);
        this.conversations = new ConversationApi(transport);
        this.agents = new AgentApi(transport);
        this.memory = new MemoryApi(transport);
        this.tasks = new TaskApi(transport);
        this.cron = new CronApi(transport);
        this.admin = new AdminApi(transport);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The gateway's address. */
    public String baseUrl() {
        return transport.baseUrl();
    }

    /** Seed 001 messages and seed 002 chat ({@code /api/v1/message}, {@code /api/v1/chat}). */
    public MessageApi message() {
        return message;
    }

    /** Seed 003 conversations and their messages, and gateway v1 sessions. */
    public ConversationApi conversations() {
        return conversations;
    }

    /** Seed 003 agents and seed 002 sub-agents. */
    public AgentApi agents() {
        return agents;
    }

    /** Seed 001 / 003 memory. */
    public MemoryApi memory() {
        return memory;
    }

    /** Seed 003 tasks. */
    public TaskApi tasks() {
        return tasks;
    }

    /** Seed 004 cron jobs. */
    public CronApi cron() {
        return cron;
    }

    /** Webhooks, batch, API keys, skills, tools. */
    public AdminApi admin() {
        return admin;
    }

    /** {@code GET /api/v1/status}: gateway, models, sessions. */
    public JsonNode status() {
        return transport.request("GET", "/api/v1/status", null);
    }

    /**
     * Any route: the parsed answer (the gateway v1 envelope unwrapped).
     *
     * @param method the HTTP method
     * @param path the path and query
     * @param body a JSON body (Jackson-serializable), or null
     * @throws OpenClawApiException when the gateway answers an error or cannot be reached
     */
    public JsonNode request(String method, String path, Object body) {
        return transport.request(method, path, body);
    }
}
