package ai.openclaw.server.http;

/**
 * The HTTP dialects of DESIGN.md §1, each with its own error envelope. A request's dialect follows from its path.
 */
public enum Dialect {
    /** {@code /api/v1}: {@code {"success":false,"error":{code,message,details},"timestamp"}}. */
    GATEWAY,
    /** {@code /v1/tasks}, {@code /v1/sessions}, {@code /v1/tools}, {@code /v2} and the rest: {@code {"error":{…}}}. */
    PLAIN,
    /** {@code /v1/chat/completions}, {@code /v1/models}, {@code /v1/embeddings}: OpenAI's error shape. */
    OPENAI,
    /** {@code /v1/messages}: Anthropic's {@code {"type":"error","error":{type,message}}}. */
    ANTHROPIC,
    /** {@code /graphql}, {@code /v2/graphql}: GraphQL's {@code {"errors":[{message, extensions:{code}}]}}. */
    GRAPHQL;

    /** The dialect that serves a request path. */
    public static Dialect forPath(String path) {
        if (path.equals("/graphql") || path.equals("/v2/graphql") || path.startsWith("/graphql/")) {
            return GRAPHQL;
        }
        if (path.startsWith("/api/")) {
            return GATEWAY;
        }
        if (path.equals("/v1/messages") || path.startsWith("/v1/messages/")) {
            return ANTHROPIC;
        }
        if (path.startsWith("/v1/chat/") || path.startsWith("/v1/models") || path.startsWith("/v1/embeddings")
                || path.startsWith("/v1/completions") || path.startsWith("/v1/responses")) {
            return OPENAI;
        }
        return PLAIN;
    }
}
