package ai.openclaw.server.http;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The server's one JSON mapper, with hostile-input limits (nesting depth, string and number length). */
public final class Json {
    /** The most nested arrays/objects accepted in a request body. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** The longest JSON string accepted in a request body, in characters (1 M; bodies are 2 MiB by default). */
    public static final int MAX_STRING_LENGTH = 1_000_000;
    /** The shared mapper: strict JSON, limits applied, duplicate keys refused. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(100)
                .maxStringLength(MAX_STRING_LENGTH)
                .build());
    }

    private Json() {
    }

    /** A new empty object node. */
    public static ObjectNode obj() {
        return MAPPER.createObjectNode();
    }

    /** A new empty array node. */
    public static ArrayNode arr() {
        return MAPPER.createArrayNode();
    }

    /** An instant as ISO-8601 UTC text ({@code 2026-03-12T10:30:00.123Z}), or null. */
    public static String time(Instant t) {
        return t == null ? null : t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    }
}
