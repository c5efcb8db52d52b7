package ai.openclaw.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A Server-Sent-Events response written on the request's thread. Headers are sent with the first event, so a
 * failure before any output can still become an ordinary JSON error response. A client that disconnects makes
 * further writes no-ops ({@link #clientGone()}), never exceptions.
 */
public final class SseStream {
    private final Context ctx;
    private OutputStream out;
    private boolean gone;

    /**
     * Prepares a stream for the request; nothing is sent yet.
     *
     * @throws ai.openclaw.error.RateLimitException when the caller already has its maximum of open streams
     */
    public SseStream(Context ctx) {
        this.ctx = ctx;
        Runnable guard = ctx.attribute(Http.STREAM_GUARD);
        if (guard != null) {
            guard.run();
        }
    }

    /** Whether any byte has been sent (headers committed). */
    public boolean started() {
        return out != null;
    }

    /** Whether the client went away. */
    public boolean clientGone() {
        return gone;
    }

    /** Sends {@code data: <data>} followed by a blank line. */
    public void data(String data) {
        write("data: " + data + "\n\n");
    }

    /** Sends {@code event: <name>} and {@code data: <data>}. */
    public void event(String name, String data) {
        write("event: " + name + "\ndata: " + data + "\n\n");
    }

    /** Sends a JSON value as a {@code data:} line. */
    public void json(Object value) {
        data(serialise(value));
    }

    /**
     * Writes a JSON value as a {@code data:} line without flushing it: it leaves with the next flushed event or
     * when the response completes. For events that another follows at once (the opening chunk before the first
     * delta; the last chunks before {@code [DONE]}), so that they share one write to the socket.
     */
    public void jsonHeld(Object value) {
        dataHeld(serialise(value));
    }

    /** Writes {@code data: <data>} without flushing: it leaves when the response completes (the stream's end). */
    public void dataHeld(String data) {
        write("data: " + data + "\n\n", false);
    }

    private static String serialise(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("event not serialisable", e);
        }
    }

    /** Sends an SSE comment (ignored by clients; keeps proxies from timing out). */
    public void comment(String text) {
        write(": " + text + "\n\n");
    }

    private void write(String s) {
        write(s, true);
    }

    private void write(String s, boolean flush) {
        if (gone) {
            return;
        }
        try {
            if (out == null) {
                start();
            }
            out.write(s.getBytes(StandardCharsets.UTF_8));
            if (flush) {
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            gone = true;
        }
    }

    private void start() throws IOException {
        ctx.attribute(Http.RENDERED, Boolean.TRUE);
        var res = ctx.res();
        res.setStatus(200);
        res.setContentType("text/event-stream; charset=utf-8");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
        out = res.getOutputStream();
    }
}
