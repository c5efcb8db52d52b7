package ai.openclaw.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON helpers for tools: parsing schema literals and building results. */
public final class ToolJson {
    /** The mapper tools use. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private ToolJson() {
    }

    /** Parses JSON text (schema literals in code); fails loudly on a typo. */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("bad JSON literal: " + json, e);
        }
    }

    /** A new empty object. */
    public static ObjectNode obj() {
        return MAPPER.createObjectNode();
    }
}
