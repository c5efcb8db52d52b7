package ai.openclaw.provider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads server-sent events: {@link #next()} returns the next event's data (its {@code data:} lines joined by
 * newlines) with its {@code event:} name in {@link #event()}, or null at the end of the stream.
 */
final class SseReader {
    private final BufferedReader in;
    private String event;

    SseReader(InputStream body) {
        this.in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 16 * 1024);
    }

    /** The event name of the last event returned by {@link #next()}, or null when it had none. */
    String event() {
        return event;
    }

    /** The next event's data, or null at the end of the stream. */
    String next() throws IOException {
        StringBuilder data = null;
        event = null;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return data.toString();
                }
                continue;
            }
            if (line.startsWith("data:")) {
                String v = line.length() > 5 && line.charAt(5) == ' ' ? line.substring(6) : line.substring(5);
                if (data == null) {
                    data = new StringBuilder(v);
                } else {
                    data.append('\n').append(v);
                }
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            }
        }
        return data == null ? null : data.toString();
    }
}
