package ai.openclaw.server.http;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.error.RateLimitException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only place exceptions become HTTP responses: each dialect's error envelope, the code's status, and never a
 * stack trace (unexpected failures are logged with the request id and shown as {@code INTERNAL_ERROR}).
 */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    /** Javalin exception handler: renders {@code e} in the request's dialect. */
    public static void handle(Exception e, Context ctx) {
        render(ctx, toOpenClaw(e, ctx));
    }

    /** Converts any exception to the error that will be shown. */
    public static OpenClawException toOpenClaw(Throwable e, Context ctx) {
        if (e instanceof OpenClawException oe) {
            if (oe.code() == ErrorCode.INTERNAL_ERROR && oe.getCause() != null) {
                LOG.error("request {} {} failed: {}", ctx.method(), ctx.path(), oe.getMessage(), oe.getCause());
            }
            return oe;
        }
        if (e instanceof org.eclipse.jetty.http.HttpException bad && bad.getCode() < 500) {
            boolean tooLarge = bad.getCode() == 413 || bad.getCode() == 431;
            return new OpenClawException(tooLarge ? ErrorCode.PAYLOAD_TOO_LARGE : ErrorCode.INVALID_REQUEST,
                    "malformed request: " + (bad.getReason() == null ? "HTTP " + bad.getCode() : bad.getReason()),
                    null, false, null);
        }
        if (e instanceof HttpResponseException hre) {
            ErrorCode code = switch (hre.getStatus()) {
                case 401 -> ErrorCode.UNAUTHORIZED;
                case 403 -> ErrorCode.FORBIDDEN;
                case 404 -> ErrorCode.NOT_FOUND;
                case 409 -> ErrorCode.CONFLICT;
                case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
                case 429 -> ErrorCode.RATE_LIMIT_EXCEEDED;
                case 503 -> ErrorCode.UNAVAILABLE;
                default -> hre.getStatus() >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_REQUEST;
            };
            return new OpenClawException(code, hre.getMessage() == null ? code.name() : hre.getMessage(), null,
                    false, null);
        }
        String requestId = ctx.res().getHeader("X-Request-ID");
        LOG.error("request {} {} (id {}) failed unexpectedly", ctx.method(), ctx.path(), requestId, e);
        return new OpenClawException(ErrorCode.INTERNAL_ERROR, "internal error; the gateway log has the details "
                + "under request id " + requestId, null, false, e);
    }

    /** Writes the error response for {@code e} in the request's dialect. */
    public static void render(Context ctx, OpenClawException e) {
        ErrorCode code = e.code();
        if (e instanceof RateLimitException rl) {
            ctx.header("Retry-After", Long.toString(rl.retryAfterSeconds()));
        }
        if (code == ErrorCode.UNAUTHORIZED) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"openclaw\"");
        }
        ctx.header("OpenClaw-Version", Http.API_VERSION);
        Http.json(ctx, code.httpStatus(), body(Dialect.forPath(ctx.path()), e));
    }

    /** The error body for a dialect. */
    public static ObjectNode body(Dialect dialect, OpenClawException e) {
        if (dialect == Dialect.ANTHROPIC) {
            ObjectNode out = Json.obj();
            out.put("type", "error");
            ObjectNode error = out.putObject("error");
            error.put("type", anthropicType(e.code()));
            error.put("message", e.details() == null ? e.getMessage() : e.getMessage() + ": " + e.details());
            error.put("code", e.code().name());
            return out;
        }
        if (dialect == Dialect.GRAPHQL) {
            ObjectNode out = Json.obj();
            out.putArray("errors").add(graphqlError(e));
            return out;
        }
        ObjectNode error = Json.obj();
        if (dialect == Dialect.OPENAI) {
            error.put("message", ClientText.clean(e.getMessage()));
            error.put("type", openAiType(e.code()));
            String param = param(e.getMessage());
            if (param == null) {
                error.putNull("param");
            } else {
                error.put("param", param);
            }
            boolean noModel = e.code() == ErrorCode.NOT_FOUND && e.getMessage().startsWith("The model '");
            error.put("code", noModel ? "model_not_found" : e.code().name());
        } else {
            error.put("code", e.code().name());
            error.put("message", ClientText.clean(e.getMessage()));
        }
        if (e.details() != null) {
            error.put("details", ClientText.clean(e.details()));
        } else if (dialect != Dialect.OPENAI) {
            error.putNull("details");
        }
        if (e instanceof RateLimitException rl) {
            error.put("retryAfter", rl.retryAfterSeconds());
        }
        ObjectNode out = Json.obj();
        if (dialect == Dialect.GATEWAY) {
            out.put("success", false);
            out.set("error", error);
            out.put("timestamp", Http.now());
        } else {
            out.set("error", error);
        }
        return out;
    }

    /**
     * One error in GraphQL's format: {@code {"message", "extensions": {"code", "details"?, "retryAfter"?}}}.
     *
     * @param e the error to show
     * @return the error object (without {@code locations}/{@code path}, which the GraphQL dialect adds)
     */
    public static ObjectNode graphqlError(OpenClawException e) {
        ObjectNode error = Json.obj();
        error.put("message", e.getMessage());
        ObjectNode ext = error.putObject("extensions");
        ext.put("code", e.code().name());
        if (e.details() != null) {
            ext.put("details", e.details());
        }
        if (e instanceof RateLimitException rl) {
            ext.put("retryAfter", rl.retryAfterSeconds());
        }
        return error;
    }

    private static final java.util.regex.Pattern FIELD = java.util.regex.Pattern.compile("field '([^']{1,200})'");

    /** The field an error message names ({@code field 'x'}), for OpenAI's {@code param}; else null. */
    static String param(String message) {
        java.util.regex.Matcher m = message == null ? null : FIELD.matcher(message);
        return m != null && m.find() ? m.group(1) : null;
    }

    private static String anthropicType(ErrorCode code) {
        return switch (code) {
            case INVALID_REQUEST, CONFLICT -> "invalid_request_error";
            case UNAUTHORIZED -> "authentication_error";
            case FORBIDDEN -> "permission_error";
            case NOT_FOUND -> "not_found_error";
            case PAYLOAD_TOO_LARGE -> "request_too_large";
            case RATE_LIMIT_EXCEEDED -> "rate_limit_error";
            case TIMEOUT -> "timeout_error";
            case UNAVAILABLE -> "overloaded_error";
            default -> "api_error";
        };
    }

    private static String openAiType(ErrorCode code) {
        return switch (code) {
            case INVALID_REQUEST, NOT_FOUND, CONFLICT, PAYLOAD_TOO_LARGE -> "invalid_request_error";
            case UNAUTHORIZED -> "authentication_error";
            case FORBIDDEN -> "permission_error";
            case RATE_LIMIT_EXCEEDED -> "rate_limit_error";
            case TIMEOUT -> "timeout_error";
            default -> "api_error";
        };
    }
}
