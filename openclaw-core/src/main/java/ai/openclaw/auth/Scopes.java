package ai.openclaw.auth;

import java.util.Set;

/** The scope names an API key can hold (issue "Access control"): what each part of the API needs. */
public final class Scopes {
    /** Conversations, sessions, messages, models. */
    public static final String CHAT = "chat";
    /** Searching and reading memories. */
    public static final String MEMORY_READ = "memory:read";
    /** Adding, changing and deleting memories. */
    public static final String MEMORY_WRITE = "memory:write";
    /** Background tasks, cron jobs, webhooks. */
    public static final String TASKS = "tasks";
    /** Reading the Prometheus metrics at {@code /metrics} (issue 16); not part of {@link #DEFAULT}. */
    public static final String METRICS = "metrics";
    /** Everything, including key management, config and other owners' resources. */
    public static final String ADMIN = "admin";
    /** Every scope that exists. */
    public static final Set<String> ALL = Set.of(CHAT, MEMORY_READ, MEMORY_WRITE, TASKS, METRICS, ADMIN);
    /** What a new key gets when none are named: everything but {@link #ADMIN}. */
    public static final Set<String> DEFAULT = Set.of(CHAT, MEMORY_READ, MEMORY_WRITE, TASKS);

    private Scopes() {
    }
}
