package ai.openclaw.server;

import ai.openclaw.agent.AgentRuntime;
import ai.openclaw.auth.AuthService;
import ai.openclaw.auth.RateLimiter;
import ai.openclaw.config.ConfigDocument;
import ai.openclaw.config.GatewayConfig;
import ai.openclaw.event.EventBus;
import ai.openclaw.memory.MemoryService;
import ai.openclaw.session.ConversationService;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything the HTTP dialects need, wired once at start.
 *
 * @param config the typed config
 * @param configDocument the config file, for the config API
 * @param conversations conversations and turns
 * @param auth credentials and API keys
 * @param events the domain event bus
 * @param clock the time source
 * @param startedAt when the gateway started
 * @param version the gateway's version, e.g. {@code 2026.11.0}
 * @param limits per-key rate limits and quotas
 * @param background webhooks, tasks and cron jobs (issue 5)
 * @param agents agents, tools, skills and sub-agents (issue 3)
 * @param memory long-term memory (issue 4)
 * @param files stored files and attachments (issue 13)
 */
public record GatewayServices(GatewayConfig config, ConfigDocument configDocument, ConversationService conversations,
                              AuthService auth, EventBus events, Clock clock, Instant startedAt, String version,
                              RateLimiter limits, BackgroundWork background, AgentRuntime agents,
                              MemoryService memory, ai.openclaw.file.FileService files) {
    /** Validates that every service is present. */
    public GatewayServices {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(configDocument, "configDocument");
        Objects.requireNonNull(conversations, "conversations");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(agents, "agents");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(files, "files");
    }

    /** The largest request body accepted, in bytes. */
    public long maxBodyBytes() {
        return config.maxBodyBytes();
    }
}
