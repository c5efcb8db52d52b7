package ai.openclaw.server.access;

import ai.openclaw.config.GatewayConfig;
import ai.openclaw.error.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Connection-level limits against hostile clients, applied to Jetty: the request header size
 * ({@code gateway.max_header_bytes}, default 16 KiB: larger headers get 431), the idle timeout
 * ({@code gateway.idle_timeout_ms}, default 30 s: a client that stops sending — slowloris — is disconnected, without
 * touching other connections; this also ends bodies that stop arriving), and against slow clients
 * ({@link SlowClientGuard}): a deadline for every request's headers ({@code gateway.header_timeout_ms},
 * default 10 s), a minimum body data rate ({@code gateway.min_request_data_rate}, bytes per second, default 256),
 * and a cap on open connections per client address ({@code gateway.max_connections_per_client}, default 512).
 * Errors Jetty answers itself (bad request line, headers too large) get a JSON error body, never HTML
 * or a stack trace.
 *
 * @param maxHeaderBytes the largest request line plus headers accepted, in bytes
 * @param idleTimeoutMs how long a connection may send nothing, in milliseconds
 * @param headerTimeoutMs how long a new connection may take to send its first request's headers, and a kept-alive
 *     connection a later request's headers from their first byte, in milliseconds (0 = no deadline)
 * @param minRequestDataRate the slowest a request body may arrive, in bytes per second (0 = no minimum)
 * @param maxConnectionsPerClient open connections allowed per client address (0 = unlimited)
 */
public record ConnectionLimits(int maxHeaderBytes, long idleTimeoutMs, long headerTimeoutMs, long minRequestDataRate,
                               int maxConnectionsPerClient) {
    /** Validates the ranges. */
    public ConnectionLimits {
        if (maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("config: gateway.max_header_bytes must be at least 1024");
        }
        if (idleTimeoutMs < 100) {
            throw new IllegalArgumentException("config: gateway.idle_timeout_ms must be at least 100");
        }
        if (headerTimeoutMs < 0 || minRequestDataRate < 0 || maxConnectionsPerClient < 0) {
            throw new IllegalArgumentException("config: gateway.header_timeout_ms, min_request_data_rate and "
                    + "max_connections_per_client must not be negative");
        }
    }

    /** Reads the limits from config, with defaults. */
    public static ConnectionLimits from(GatewayConfig config) {
        JsonNode gw = config.tree().path("gateway");
        return new ConnectionLimits((int) number(gw, "max_header_bytes", 16 * 1024),
                number(gw, "idle_timeout_ms", 30_000), number(gw, "header_timeout_ms", 10_000),
                number(gw, "min_request_data_rate", 256), (int) number(gw, "max_connections_per_client", 512));
    }

    private static long number(JsonNode gw, String field, long fallback) {
        JsonNode v = gw.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return fallback;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isTextual() && v.asText().trim().matches("\\d{1,12}")) {
            return Long.parseLong(v.asText().trim());
        }
        throw new IllegalArgumentException("config: gateway." + field + " must be an integer, got '" + v.asText()
                + "'");
    }

    /** Applies the limits to a Javalin config before the server starts. */
    public void apply(JavalinConfig cfg) {
        cfg.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(maxHeaderBytes);
            http.setMinRequestDataRate(minRequestDataRate);
            http.setSendServerVersion(false);
        });
        cfg.jetty.modifyServer(server -> {
            server.setErrorHandler(new JsonErrorHandler());
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    for (Connector c : server.getConnectors()) {
                        if (c instanceof AbstractConnector ac) {
                            ac.setIdleTimeout(idleTimeoutMs);
                            ac.addBean(new SlowClientGuard(maxConnectionsPerClient, headerTimeoutMs,
                                    ac.getScheduler()));
                        }
                    }
                }
            });
        });
    }

    /** Jetty's own error responses as {@code {"error":{code,message,details}}}. */
    static final class JsonErrorHandler extends ErrorHandler {
        JsonErrorHandler() {
            setShowStacks(false);
            setShowCauses(false);
            setShowOrigin(false);
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message,
                                        Throwable cause, Callback callback) {
            if (code == 505) {
                code = 400;
                response.setStatus(400);
            }
            ErrorCode ec = switch (code) {
                case 401 -> ErrorCode.UNAUTHORIZED;
                case 403 -> ErrorCode.FORBIDDEN;
                case 404, 405 -> ErrorCode.NOT_FOUND;
                case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
                case 429 -> ErrorCode.RATE_LIMIT_EXCEEDED;
                default -> code >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_REQUEST;
            };
            String text = switch (code) {
                case 431 -> "request headers are too large";
                case 414 -> "request URI is too long";
                case 408 -> "request timed out: the client sent too slowly";
                case 400 -> message != null && message.contains("Version") ? "unsupported HTTP version; use HTTP/1.1"
                        : "bad request: malformed HTTP";
                default -> code >= 500 ? "internal error" : "bad request";
            };
            String body = "{\"error\":{\"code\":\"" + ec.name() + "\",\"message\":\"" + text
                    + "\",\"details\":null}}";
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        }

        @Override
        protected void writeErrorJson(Request request, PrintWriter writer, int code, String message,
                                      Throwable cause) {
            writer.write("{\"error\":{\"code\":\"INVALID_REQUEST\",\"message\":\"bad request\",\"details\":null}}");
        }
    }
}
