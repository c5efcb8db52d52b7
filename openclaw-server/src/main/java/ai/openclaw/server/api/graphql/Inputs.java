package ai.openclaw.server.api.graphql;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading GraphQL arguments and input objects (already type-checked by the schema) with range checks. */
final class Inputs {
    private Inputs() {
    }

    /** A number argument in [min, max], or null. @throws OpenClawException INVALID_REQUEST naming it */
    static Double optDouble(Map<String, Object> in, String name, double min, double max) {
        Object v = in.get(leaf(name));
        if (v == null) {
            return null;
        }
        double d = ((Number) v).doubleValue();
        if (!(d >= min && d <= max)) {
            throw OpenClawException.invalid("argument '" + name + "' must be between " + min + " and " + max
                    + ", got " + d);
        }
        return d;
    }

    /** An integer argument in [min, max], or null. @throws OpenClawException INVALID_REQUEST naming it */
    static Integer optInt(Map<String, Object> in, String name, int min, int max) {
        Object v = in.get(leaf(name));
        if (v == null) {
            return null;
        }
        int i = ((Number) v).intValue();
        if (i < min || i > max) {
            throw OpenClawException.invalid("argument '" + name + "' must be between " + min + " and " + max
                    + ", got " + i);
        }
        return i;
    }

    /** A JSON object argument, or an empty map. @throws OpenClawException INVALID_REQUEST when not an object */
    static Map<String, Object> optObject(Map<String, Object> in, String name) {
        Object v = in.get(leaf(name));
        if (v == null) {
            return new LinkedHashMap<>();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw OpenClawException.invalid("argument '" + name + "' must be a JSON object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, x) -> out.put(String.valueOf(k), x));
        return out;
    }

    /** An input object as the REST dialects' JSON body, so their parsers (and messages) apply unchanged. */
    static JsonBody body(Map<String, Object> in) {
        return JsonBody.of((ObjectNode) Json.MAPPER.valueToTree(in == null ? Map.of() : in));
    }

    private static String leaf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }
}
