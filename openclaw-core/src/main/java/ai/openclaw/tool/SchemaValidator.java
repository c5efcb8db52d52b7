package ai.openclaw.tool;

import ai.openclaw.error.OpenClawException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Checks tool arguments against a tool's JSON Schema (draft 2020-12 unless the schema says otherwise). */
final class SchemaValidator {
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final ConcurrentHashMap<String, JsonSchema> cache = new ConcurrentHashMap<>();

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
        JsonSchema schema = cache.computeIfAbsent(key, k -> factory.getSchema(tool.inputSchema()));
        Set<ValidationMessage> errors = schema.validate(args);
        if (errors.isEmpty()) {
            return;
        }
        List<ValidationMessage> sorted = errors.stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())).toList();
        ValidationMessage first = sorted.get(0);
        String field = first.getInstanceLocation().toString();
        field = field.startsWith("$.") ? field.substring(2) : field.equals("$") ? "" : field.replaceFirst("^\\$", "");
        if ("required".equals(first.getType()) && first.getProperty() != null) {
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
}
