package ai.openclaw.tool;

import ai.openclaw.error.OpenClawException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Checks tool arguments against a tool's JSON Schema (draft 2020-12 unless the schema says otherwise). */
final class SchemaValidator {
    private final SchemaRegistry factory = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final ConcurrentHashMap<String, Schema> cache = new ConcurrentHashMap<>();

    /**
     * Validates.
     *
     * @throws OpenClawException INVALID_REQUEST naming the first offending field
     */
    void validate(ToolDescriptor tool, JsonNode args, String prefix) {
        if (!args.isObject()) {
            throw OpenClawException.invalid("field '" + (prefix.isEmpty() ? "arguments" : prefix.substring(0,
                    prefix.length() - 1)) + "' must be an object for tool '" + tool.name() + "'");
        }
        String key = tool.name() + "\u0000" + tool.inputSchema().toString();
        Schema schema = cache.computeIfAbsent(key, k -> factory.getSchema(tool.inputSchema()));
        List<Error> errors = schema.validate(args);
        if (errors.isEmpty()) {
            return;
        }
        List<Error> sorted = errors.stream()
                .sorted(Comparator.comparing((Error m) -> m.getInstanceLocation().toString())).toList();
        Error first = sorted.get(0);
        String field = dotted(first.getInstanceLocation());
        if ("required".equals(first.getKeyword()) && first.getProperty() != null) {
            field = field.isEmpty() ? first.getProperty() : field + "." + first.getProperty();
        }
        String shown = prefix + field;
        if (shown.isEmpty()) {
            shown = "arguments";
        }
        if (shown.endsWith(".")) {
            shown = shown.substring(0, shown.length() - 1);
        }
        String detail = first.getMessage();
        throw OpenClawException.invalid("field '" + shown + "' is invalid for tool '" + tool.name() + "': " + detail,
                sorted.size() > 1 ? sorted.size() + " schema violations; first shown" : null);
    }

    /** A node path as dotted field names with indexes in brackets: {@code items[0].name}; empty for the root. */
    private static String dotted(com.networknt.schema.path.NodePath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object e = path.getElement(i);
            if (e instanceof Integer index) {
                sb.append('[').append(index).append(']');
            } else {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(e);
            }
        }
        return sb.toString();
    }
}
