package ai.openclaw.server.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.Executors;

/**
 * A separate listener for {@code GET /metrics} ({@code gateway.metrics.bind: "HOST:PORT"}, issue 16), for setups that
 * keep metrics off the API port: no gateway credentials needed, only {@code gateway.metrics.token} as a bearer token
 * when one is configured. Runs on the JDK's built-in HTTP server with one virtual thread per request.
 */
public final class MetricsListener implements AutoCloseable {
    private final HttpServer server;

    private MetricsListener(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts listening.
     *
     * @param bind {@code HOST:PORT} (port 0 picks a free one)
     * @param token the bearer token required, or null for none
     * @param metrics what to serve
     * @return the running listener
     * @throws IllegalArgumentException when {@code bind} is not {@code HOST:PORT}
     * @throws java.io.UncheckedIOException when the address cannot be bound
     */
    public static MetricsListener start(String bind, String token, GatewayMetrics metrics) {
        int colon = bind.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("gateway.metrics.bind must be HOST:PORT, e.g. 127.0.0.1:9464, not '"
                    + bind + "'");
        }
        int port;
        try {
            port = Integer.parseInt(bind.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("gateway.metrics.bind: '" + bind.substring(colon + 1)
                    + "' is not a port number");
        }
        String host = bind.substring(0, colon).replace("[", "").replace("]", "");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", ex -> handle(ex, token, metrics));
            server.start();
            return new MetricsListener(server);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot listen for metrics on " + bind, e);
        }
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void handle(HttpExchange ex, String token, GatewayMetrics metrics) throws IOException {
        try (ex) {
            if (!ex.getRequestURI().getPath().equals("/metrics")) {
                send(ex, 404, "application/json", "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"only /metrics is served here\"}}");
                return;
            }
            if (token != null && !token.isBlank() && !authorized(ex.getRequestHeaders().getFirst("Authorization"), token)) {
                send(ex, 401, "application/json", "{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"send 'Authorization: Bearer <gateway.metrics.token>'\"}}");
                return;
            }
            send(ex, 200, MetricsRoutes.CONTENT_TYPE, metrics.scrape());
        }
    }

    private static boolean authorized(String header, String token) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops listening. */
    @Override
    public void close() {
        server.stop(0);
    }
}
