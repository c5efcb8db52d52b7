package ai.openclaw.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 (port 0) standing in for the hosts the seeds name as placeholders
 * ({@code example.com}, {@code your-app.com}) and for outside services (a weather or search provider): it serves
 * fixed answers by path and records every request (webhooks, task callbacks).
 */
public final class FakeWebSite implements AutoCloseable {
    /**
     * A fixed answer.
     *
     * @param status the status code
     * @param contentType the Content-Type header
     * @param body the body bytes
     */
    public record Page(int status, String contentType, byte[] body) {
        /** Copies the body. */
        public Page {
            body = body.clone();
        }
    }

    /**
     * One request the site received.
     *
     * @param method the HTTP method
     * @param uri the path and query
     * @param headers the request headers, names lower-cased, first value of each
     * @param body the body as UTF-8 text
     */
    public record Hit(String method, String uri, Map<String, String> headers, String body) {
        /** Copies the headers. */
        public Hit {
            headers = Map.copyOf(headers);
        }
    }

    private final HttpServer server;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();

    private FakeWebSite(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts the site; a path without a page answers 200 {@code {"ok": true}} (a webhook receiver).
     *
     * @throws UncheckedIOException when it cannot bind
     */
    public static FakeWebSite start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            FakeWebSite site = new FakeWebSite(s);
            s.createContext("/", ex -> {
                byte[] in = ex.getRequestBody().readAllBytes();
                java.util.HashMap<String, String> h = new java.util.HashMap<>();
                ex.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v.getFirst()));
                site.hits.add(new Hit(ex.getRequestMethod(), ex.getRequestURI().toString(), h,
                        new String(in, StandardCharsets.UTF_8)));
                Page p = site.pages.get(ex.getRequestURI().getPath());
                if (p == null) {
                    p = new Page(200, "application/json", "{\"ok\": true}".getBytes(StandardCharsets.UTF_8));
                }
                ex.getResponseHeaders().set("Content-Type", p.contentType());
                ex.sendResponseHeaders(p.status(), p.body().length == 0 ? -1 : p.body().length);
                try (var out = ex.getResponseBody()) {
                    out.write(p.body());
                }
            });
            s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            s.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234} (no trailing slash). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Serves {@code body} at {@code path} (any method, any query).
     *
     * @return this site
     */
    public FakeWebSite page(String path, int status, String contentType, byte[] body) {
        pages.put(path, new Page(status, contentType, body));
        return this;
    }

    /** Serves UTF-8 text at {@code path} with status 200. */
    public FakeWebSite page(String path, String contentType, String body) {
        return page(path, 200, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The requests received so far, oldest first. */
    public List<Hit> hits() {
        return new ArrayList<>(hits);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
