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
    /**
     * Instance-wide counts on {@code /api/v1/status} and {@code /api/v1/system/status} (every session, message and
     * token of the gateway); without it a key sees only its own counts there.
     */
    public static final String STATUS = "status";
    /** Reading the Prometheus metrics at {@code /metrics} (issue 16); not part of {@link #DEFAULT}. */
    public static final String METRICS = "metrics";
    /** Everything, including key management, config and other owners' resources. */
    public static final String ADMIN = "admin";
    /** Every scope that exists. */
    public static final Set<String> ALL = Set.of(CHAT, MEMORY_READ, MEMORY_WRITE, TASKS, STATUS, METRICS, ADMIN);
    /**
     * What a new key gets when {@code scopes} is left out: {@link #CHAT}, the memory scopes and {@link #TASKS} (not
     * {@link #STATUS}, {@link #METRICS} nor {@link #ADMIN}). An explicitly empty list is refused, never widened to
     * this.
     */
    public static final Set<String> DEFAULT = Set.of(CHAT, MEMORY_READ, MEMORY_WRITE, TASKS);

    private Scopes() {
    }
}
