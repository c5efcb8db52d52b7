package ai.openclaw.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

/** A real HTTP server that receives webhooks: records every request and answers from a script (default 200). */
final class Receiver implements AutoCloseable {
    /** One received request. */
    record Hit(String path, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A scripted answer. */
    record Answer(int status, Map<String, String> headers, String body, long delayMs) {
    }

    private final HttpServer server;
    private final List<Hit> hits = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    private volatile int defaultStatus = 200;

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> h = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            hits.add(new Hit(ex.getRequestURI().getPath(), h, body));
            Answer a = script.poll();
            int status = a == null ? defaultStatus : a.status();
            byte[] out = a == null || a.body() == null ? null : a.body().getBytes(StandardCharsets.UTF_8);
            if (a != null) {
                a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
                if (a.delayMs() > 0) {
                    try {
                        Thread.sleep(a.delayMs());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            try {
                ex.sendResponseHeaders(status, out == null ? -1 : out.length);
                if (out != null) {
                    ex.getResponseBody().write(out);
                }
            } catch (IOException e) {
                // the client gave up (a timeout under test)
            }
            ex.close();
        });
        server.start();
    }

    /** Queues answers for the next requests. */
    Receiver then(int status) {
        script.add(new Answer(status, Map.of(), null, 0));
        return this;
    }

    /** Queues an answer with headers. */
    Receiver then(int status, Map<String, String> headers) {
        script.add(new Answer(status, headers, null, 0));
        return this;
    }

    /** Queues an answer with a body. */
    Receiver thenBody(int status, String body) {
        script.add(new Answer(status, Map.of(), body, 0));
        return this;
    }

    /** Queues an answer sent only after {@code delayMs} (a slow receiver). */
    Receiver thenSlow(int status, long delayMs) {
        script.add(new Answer(status, Map.of(), null, delayMs));
        return this;
    }

    /** The status answered once the script is used up. */
    void answerByDefault(int status) {
        defaultStatus = status;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Hit> hits() {
        synchronized (hits) {
            return List.copyOf(hits);
        }
    }

    List<Hit> hits(String path) {
        return hits().stream().filter(h -> h.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
