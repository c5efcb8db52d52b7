package ai.openclaw.server.metrics;

/** Names the API dialect a route template belongs to (DESIGN.md §1), for the {@code dialect} metric label. */
final class Dialects {
    private Dialects() {
    }

    /** The dialect of a route template: {@code gateway-v1}, {@code tasks-v1}, {@code v2}, {@code openai}, … */
    static String of(String route) {
        if (route.startsWith("/api/v1")) {
            return "gateway-v1";
        }
        if (route.startsWith("/v2/graphql") || route.startsWith("/graphql")) {
            return "graphql";
        }
        if (route.startsWith("/v2")) {
            return "v2";
        }
        if (route.startsWith("/v1/chat") || route.startsWith("/v1/models") || route.startsWith("/v1/embeddings")
                || route.startsWith("/v1/responses") || route.startsWith("/v1/completions")) {
            return "openai";
        }
        if (route.startsWith("/v1/messages")) {
            return "anthropic";
        }
        if (route.startsWith("/v1/")) {
            return "tasks-v1";
        }
        if (route.startsWith("/mcp")) {
            return "mcp";
        }
        if (route.equals("/health") || route.equals("/healthz") || route.equals("/ready") || route.equals("/metrics")) {
            return "system";
        }
        if (route.equals("/") || route.equals("/ws")) {
            return "websocket";
        }
        return "other";
    }
}
