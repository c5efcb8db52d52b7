package ai.openclaw.server.http;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * A request's JSON object body with typed accessors whose errors name the offending field
 * ({@code field 'context.temperature' must be a number between 0 and 2}). Nested objects keep the path.
 */
public final class JsonBody {
    private final ObjectNode node;
    private final String prefix;

    private JsonBody(ObjectNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /**
     * Reads and parses the request body, which must be a JSON object no larger than {@code maxBytes}.
     *
     * @throws OpenClawException PAYLOAD_TOO_LARGE over the limit; INVALID_REQUEST for an empty, malformed,
     *     too deeply nested or non-object body
     */
    public static JsonBody read(Context ctx, long maxBytes) {
        byte[] bytes = readBytes(ctx, maxBytes);
        return parse(bytes);
    }

    /** Like {@link #read} but an empty body is an empty object. */
    public static JsonBody readOptional(Context ctx, long maxBytes) {
        byte[] bytes = readBytes(ctx, maxBytes);
        if (isBlank(bytes)) {
            return new JsonBody(Json.obj(), "");
        }
        return parse(bytes);
    }

    /** Wraps an already-parsed object (e.g. a batch operation's body). */
    public static JsonBody of(ObjectNode node) {
        return new JsonBody(node, "");
    }

    private static JsonBody parse(byte[] bytes) {
        if (isBlank(bytes)) {
            throw OpenClawException.invalid("request body is empty; send a JSON object",
                    "Content-Type: application/json with a body such as {\"text\":\"hello\"}");
        }
        JsonNode parsed;
        try {
            parsed = Json.MAPPER.readTree(bytes);
        } catch (StreamConstraintsException e) {
            throw OpenClawException.invalid("request body exceeds a JSON limit (nesting depth "
                    + Json.MAX_NESTING_DEPTH + ", string length " + Json.MAX_STRING_LENGTH + " characters, number "
                    + "length 100)", ClientText.clean(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw OpenClawException.invalid("request body is not valid JSON" + where,
                    ClientText.clean(e.getOriginalMessage()));
        } catch (IOException e) {
            throw OpenClawException.invalid("request body could not be read", e.getMessage());
        }
        if (parsed == null || !parsed.isObject()) {
            throw OpenClawException.invalid("request body must be a JSON object, got "
                    + (parsed == null ? "nothing" : parsed.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return new JsonBody((ObjectNode) parsed, "");
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static byte[] readBytes(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 256);
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw OpenClawException.invalid("request body could not be read", e.getMessage());
        }
    }

    private static OpenClawException tooLarge(long maxBytes) {
        return new OpenClawException(ErrorCode.PAYLOAD_TOO_LARGE, "request body exceeds the limit of " + maxBytes
                + " bytes", "raise gateway.max_body_bytes in config.yaml to accept larger bodies", false, null);
    }

    /** The underlying object. */
    public ObjectNode node() {
        return node;
    }

    /** Whether the field is present and not null. */
    public boolean has(String field) {
        JsonNode v = get(field);
        return v != null && !v.isNull();
    }

    /** The full name of a field for error messages, e.g. {@code context.model}. */
    public String path(String field) {
        return prefix + field;
    }

    /** A required non-blank string. */
    public String requireText(String field) {
        String v = optText(field);
        if (v == null) {
            throw OpenClawException.invalid("field '" + path(field) + "' is required");
        }
        if (v.isBlank()) {
            throw OpenClawException.invalid("field '" + path(field) + "' must not be empty");
        }
        return v;
    }

    /** An optional string; null when absent or JSON null. */
    public String optText(String field) {
        JsonNode v = get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw wrongType(field, "a string", v);
        }
        return v.textValue();
    }

    /** An optional integer within [min, max]; null when absent. */
    public Long optLong(String field, long min, long max) {
        JsonNode v = get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw wrongType(field, "an integer", v);
        }
        long x = v.longValue();
        if (x < min || x > max) {
            throw OpenClawException.invalid("field '" + path(field) + "' must be between " + min + " and " + max
                    + ", got " + x);
        }
        return x;
    }

    /** An optional integer within [min, max]; null when absent. */
    public Integer optInt(String field, int min, int max) {
        Long v = optLong(field, min, max);
        return v == null ? null : v.intValue();
    }

    /** An optional number within [min, max]; null when absent. */
    public Double optDouble(String field, double min, double max) {
        JsonNode v = get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw wrongType(field, "a number", v);
        }
        double x = v.doubleValue();
        if (Double.isNaN(x) || x < min || x > max) {
            throw OpenClawException.invalid("field '" + path(field) + "' must be a number between " + min + " and "
                    + max + ", got " + v.asText());
        }
        return x;
    }

    /** An optional boolean; {@code fallback} when absent. */
    public boolean optBool(String field, boolean fallback) {
        JsonNode v = get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw wrongType(field, "true or false", v);
        }
        return v.booleanValue();
    }

    /** An optional nested object as a body with the field's path as prefix; an empty body when absent. */
    public JsonBody object(String field) {
        JsonNode v = get(field);
        if (v == null || v.isNull()) {
            return new JsonBody(Json.obj(), path(field) + ".");
        }
        if (!v.isObject()) {
            throw wrongType(field, "an object", v);
        }
        return new JsonBody((ObjectNode) v, path(field) + ".");
    }

    /** An optional array; null when absent. */
    public ArrayNode optArray(String field) {
        JsonNode v = get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw wrongType(field, "an array", v);
        }
        return (ArrayNode) v;
    }

    /** The object as a plain map (for free-form {@code context}/{@code metadata}). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> toMap() {
        return Json.MAPPER.convertValue(node, Map.class);
    }

    /**
     * A field's value, taking seed 003's v2 spelling where the v1 name is absent ({@code conversation_id} for
     * {@code session_id}, {@code bot_id} for {@code agent_id}; the migration table of seed 003).
     */
    private JsonNode get(String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            String alias = switch (field) {
                case "session_id" -> "conversation_id";
                case "agent_id" -> "bot_id";
                default -> null;
            };
            if (alias != null) {
                v = node.get(alias);
            }
        }
        return v;
    }

    private OpenClawException wrongType(String field, String expected, JsonNode got) {
        return OpenClawException.invalid("field '" + path(field) + "' must be " + expected + ", got "
                + got.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
}
