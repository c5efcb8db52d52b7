package ai.openclaw.cli;

import ai.openclaw.auth.ApiKey;
import ai.openclaw.auth.AuthService;
import ai.openclaw.auth.GeneratedKey;
import ai.openclaw.auth.KeyLimits;
import ai.openclaw.config.ConfigDocument;
import ai.openclaw.config.GatewayConfig;
import ai.openclaw.server.Gateway;
import ai.openclaw.store.Database;
import ai.openclaw.util.Ids;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code openclaw api key generate|list|revoke}: API keys (seed 002), stored hashed in the state dir's database; and
 * {@code api check-compatibility} / {@code api migrate}, the v1 → v2 migration of seed 003.
 */
@Command(name = "api", mixinStandardHelpOptions = true, description = "Manage API access; check and migrate v1 API usage.",
        subcommands = {ApiCommand.Key.class, ApiCompatibilityCommand.class, ApiMigrateCommand.class})
final class ApiCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    static <T> T withAuth(java.util.function.Function<AuthService, T> work) {
        ConfigDocument doc = Cli.config();
        try (Database db = Gateway.openDatabase(GatewayConfig.from(doc), Cli.paths())) {
            return work.apply(AuthService.create(db.apiKeyStore(), Ids.newSecret(48), Clock.systemUTC()));
        }
    }

    /** {@code api key …}. */
    @Command(name = "key", mixinStandardHelpOptions = true, description = "Generate, list and revoke API keys.",
            subcommands = {Generate.class, ListKeys.class, Revoke.class, Update.class})
    static final class Key implements Runnable {
        @Override
        public void run() {
            new picocli.CommandLine(this).usage(System.out);
        }
    }

    /** {@code api key generate --name NAME}. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Generate an API key and print it once (only its hash is stored).")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--name", required = true, description = "A unique name, e.g. production.")
        String name;

        @Option(names = "--plan", description = "Rate-limit plan: free (default), pro, enterprise.")
        String plan;

        @Option(names = "--scopes", split = ",", description = "Comma-separated scopes: chat, memory:read, "
                + "memory:write, tasks, status, admin (default: chat, memory:read, memory:write, tasks; an empty list "
                + "is refused).")
        List<String> scopes;

        @Option(names = "--expires", description = "Lifetime such as 90d, 12h or 30m (default: never).")
        String expires;

        @Option(names = "--limit", paramLabel = "NAME=N", description = "Override one of the plan's rate limits "
                + "(0 = unlimited), repeatable: requests_per_minute, burst, requests_per_hour, concurrent, batch_size, "
                + "tokens_per_minute, context_tokens_per_minute, streams.")
        java.util.Map<String, Long> limits;

        @Option(names = "--tenant", description = "Tenant the key belongs to (letters, digits, _ and -): keys sharing "
                + "a tenant act as one owner (sessions, agents, workspace, webhooks, events). Default: none, the key "
                + "is an owner of its own.")
        String tenant;

        @Override
        public Integer call() {
            Duration ttl = expires == null ? null : parseDuration(expires);
            Set<String> s = null;
            if (scopes != null) {
                s = new LinkedHashSet<>();
                for (String scope : scopes) {
                    if (!scope.isBlank()) {
                        s.add(scope.strip());
                    }
                }
            }
            Set<String> chosen = s;
            com.fasterxml.jackson.databind.node.ObjectNode l = new com.fasterxml.jackson.databind.ObjectMapper()
                    .createObjectNode();
            if (limits != null) {
                limits.forEach(l::put);
            }
            KeyLimits overrides = KeyLimits.fromJson(l, "--limit");
            GeneratedKey key = withAuth(a -> a.generate(name, chosen, plan, ttl, overrides, tenant));
            System.out.println(key.secret());
            System.err.println("API key '" + name + "' (" + key.key().id() + ") created; it is shown only once");
            return 0;
        }
    }

    /** {@code api key list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List API keys (never their secrets).")
    static final class ListKeys implements Callable<Integer> {
        @Override
        public Integer call() {
            List<ApiKey> keys = withAuth(AuthService::list);
            System.out.printf("%-26s %-20s %-18s %-10s %-8s %-34s %s%n", "ID", "NAME", "PREFIX", "PLAN", "STATUS",
                    "SCOPES", "LAST USED");
            java.time.Instant now = java.time.Instant.now();
            for (ApiKey k : keys) {
                String status = k.revokedAt() != null ? "revoked" : k.activeAt(now) ? "active" : "expired";
                System.out.printf("%-26s %-20s %-18s %-10s %-8s %-34s %s%n", k.id(), k.name(), k.prefix() + "…",
                        k.plan(), status, String.join(",", k.scopes().stream().sorted().toList()),
                        (k.lastUsedAt() == null ? "never" : k.lastUsedAt().toString())
                                + (k.limits().isEmpty() ? "" : "  limits " + k.limits().toMap(false))
                                + (k.tenant() == null ? "" : "  tenant " + k.tenant()));
            }
            return 0;
        }
    }

    /** {@code api key revoke NAME_OR_ID}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke an API key by name or id; it stops working at once.")
    static final class Revoke implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME_OR_ID")
        String nameOrId;

        @Override
        public Integer call() {
            ApiKey k = withAuth(a -> a.revoke(nameOrId));
            System.out.println("revoked API key '" + k.name() + "' (" + k.id() + ")");
            return 0;
        }
    }

    /** {@code api key update NAME_OR_ID [--plan P] [--limit NAME=N]… [--clear-limits]}. */
    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Change a key's plan or rate-limit overrides; applies from its next request.")
    static final class Update implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME_OR_ID")
        String nameOrId;

        @Option(names = "--plan", description = "New plan: free, pro, enterprise.")
        String plan;

        @Option(names = "--limit", paramLabel = "NAME=N", description = "Set one override (0 = unlimited), "
                + "repeatable; the others are kept.")
        java.util.Map<String, Long> limits;

        @Option(names = "--clear-limits", description = "Drop every override (back to the plan's limits).")
        boolean clear;

        @Override
        public Integer call() {
            ApiKey k = withAuth(a -> {
                KeyLimits next = null;
                if (clear || limits != null) {
                    com.fasterxml.jackson.databind.node.ObjectNode l = new com.fasterxml.jackson.databind.ObjectMapper()
                            .createObjectNode();
                    if (!clear) {
                        a.find(nameOrId).limits().toMap(false).forEach(l::put);
                    }
                    if (limits != null) {
                        limits.forEach(l::put);
                    }
                    next = KeyLimits.fromJson(l, "--limit");
                }
                return a.update(nameOrId, plan, next);
            });
            System.out.println("updated API key '" + k.name() + "' (" + k.id() + "): plan " + k.plan()
                    + (k.limits().isEmpty() ? "" : ", limits " + k.limits().toMap(false)));
            return 0;
        }
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)([dhms])");

    static Duration parseDuration(String s) {
        Matcher m = DURATION.matcher(s.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("--expires must look like 90d, 12h, 30m or 45s; got '" + s + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
