package ai.openclaw.server.ws;

import ai.openclaw.config.GatewayConfig;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Limits of the WebSocket gateway protocol ({@code gateway.ws} in config.yaml).
 *
 * @param maxFrameBytes the largest text frame accepted from a client, in bytes ({@code maxFrameBytes}, default
 *     the HTTP body limit); larger frames close the socket with 1009
 * @param maxQueuedFrames frames waiting to be written to one socket before it counts as a slow consumer and is
 *     closed with 1008 ({@code maxQueuedFrames}, default 2048)
 * @param idleTimeoutMs a socket that sends nothing (not even a pong) this long is closed ({@code idleTimeoutMs},
 *     default 120000)
 * @param pingMs how often the gateway pings each socket ({@code pingMs}, default 25000)
 * @param handshakeTimeoutMs how long a socket may take to send {@code connect} ({@code handshakeTimeoutMs},
 *     default 10000)
 * @param maxConnectionsPerKey open sockets per API key ({@code maxConnectionsPerKey}, default 50)
 * @param maxConnectionsGatewayToken open sockets for the gateway token ({@code maxConnectionsGatewayToken},
 *     default 5000)
 * @param signatureSkewMs how far a device signature's {@code signedAt} may be from now ({@code signatureSkewMs},
 *     default 600000, OpenClaw's ten minutes)
 */
public record WsSettings(int maxFrameBytes, int maxQueuedFrames, long idleTimeoutMs, long pingMs,
                         long handshakeTimeoutMs, int maxConnectionsPerKey, int maxConnectionsGatewayToken,
                         long signatureSkewMs) {
    /** Validates the ranges. */
    public WsSettings {
        check(maxFrameBytes >= 1024, "maxFrameBytes must be at least 1024");
        check(maxQueuedFrames >= 16, "maxQueuedFrames must be at least 16");
        check(idleTimeoutMs >= 1000, "idleTimeoutMs must be at least 1000");
        check(pingMs >= 100, "pingMs must be at least 100");
        check(handshakeTimeoutMs >= 100, "handshakeTimeoutMs must be at least 100");
        check(maxConnectionsPerKey >= 1, "maxConnectionsPerKey must be at least 1");
        check(maxConnectionsGatewayToken >= 1, "maxConnectionsGatewayToken must be at least 1");
        check(signatureSkewMs >= 1000, "signatureSkewMs must be at least 1000");
    }

    /** The settings from config, with defaults. */
    public static WsSettings from(GatewayConfig config) {
        JsonNode ws = config.tree().path("gateway").path("ws");
        return new WsSettings((int) num(ws, "maxFrameBytes", Math.min(config.maxBodyBytes(), Integer.MAX_VALUE)),
                (int) num(ws, "maxQueuedFrames", 2048), num(ws, "idleTimeoutMs", 120_000), num(ws, "pingMs", 25_000),
                num(ws, "handshakeTimeoutMs", 10_000), (int) num(ws, "maxConnectionsPerKey", 50),
                (int) num(ws, "maxConnectionsGatewayToken", 5000), num(ws, "signatureSkewMs", 600_000));
    }

    private static long num(JsonNode ws, String field, long fallback) {
        JsonNode v = ws.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return fallback;
        }
        if (v.canConvertToLong() && (v.isIntegralNumber() || v.asText().matches("\\d{1,12}"))) {
            return v.asLong();
        }
        throw new IllegalArgumentException("config: gateway.ws." + field + " must be an integer, got '" + v.asText()
                + "'");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("config: gateway.ws." + message);
        }
    }
}
