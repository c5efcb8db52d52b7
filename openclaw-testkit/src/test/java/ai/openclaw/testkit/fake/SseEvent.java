package ai.openclaw.testkit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** One server-sent event as parsed by the tests: its {@code event:} name (or null) and joined {@code data:} lines. */
record SseEvent(String event, String data) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Parses a complete or partial SSE body; a trailing incomplete event is dropped. */
    static List<SseEvent> parse(String body) {
        List<SseEvent> events = new ArrayList<>();
        String normalised = body.replace("\r\n", "\n");
        int start = 0;
        int end;
        while ((end = normalised.indexOf("\n\n", start)) >= 0) {
            String block = normalised.substring(start, end);
            start = end + 2;
            String event = null;
            StringBuilder data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
            if (event != null || data != null) {
                events.add(new SseEvent(event, data == null ? null : data.toString()));
            }
        }
        return events;
    }

    /** Returns the data parsed as JSON. */
    JsonNode json() {
        try {
            return MAPPER.readTree(data);
        } catch (Exception e) {
            throw new AssertionError("SSE data is not JSON: " + data, e);
        }
    }
}
