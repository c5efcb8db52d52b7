package ai.openclaw.provider;

import ai.openclaw.llm.ToolCall;
import ai.openclaw.llm.ToolSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Converts our {@link ToolSpec}/{@link ToolCall} to and from LangChain4j's tool types (JSON Schema subset). */
final class ToolSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolSchemas() {
    }

    static ToolSpecification toSpecification(ToolSpec spec) {
        JsonNode schema;
        try {
            schema = JSON.readTree(spec.parametersJson());
        } catch (IOException e) {
            throw new IllegalArgumentException("tool '" + spec.name() + "' has an invalid JSON Schema", e);
        }
        JsonObjectSchema params = schema != null && schema.isObject() ? object(schema) : JsonObjectSchema.builder()
                .build();
        return ToolSpecification.builder().name(spec.name()).description(spec.description()).parameters(params)
                .build();
    }

    static ToolExecutionRequest toRequest(ToolCall call) {
        return ToolExecutionRequest.builder().id(call.id()).name(call.name()).arguments(call.argumentsJson()).build();
    }

    static ToolCall fromRequest(ToolExecutionRequest r) {
        String id = r.id() == null || r.id().isBlank() ? "call_" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 24) : r.id();
        return new ToolCall(id, r.name() == null ? "" : r.name(), r.arguments());
    }

    private static JsonObjectSchema object(JsonNode node) {
        JsonObjectSchema.Builder b = JsonObjectSchema.builder();
        if (node.path("description").isTextual()) {
            b.description(node.path("description").textValue());
        }
        node.path("properties").fields().forEachRemaining(e -> b.addProperty(e.getKey(), element(e.getValue())));
        List<String> required = new ArrayList<>();
        node.path("required").forEach(r -> required.add(r.asText()));
        if (!required.isEmpty()) {
            b.required(required);
        }
        if (node.path("additionalProperties").isBoolean()) {
            b.additionalProperties(node.path("additionalProperties").booleanValue());
        }
        return b.build();
    }

    private static JsonSchemaElement element(JsonNode node) {
        String description = node.path("description").isTextual() ? node.path("description").textValue() : null;
        if (node.path("enum").isArray()) {
            List<String> values = new ArrayList<>();
            node.path("enum").forEach(v -> values.add(v.asText()));
            return JsonEnumSchema.builder().enumValues(values).description(description).build();
        }
        JsonNode typeNode = node.path("type");
        String type = typeNode.isArray() && !typeNode.isEmpty() ? typeNode.get(0).asText() : typeNode.asText("string");
        return switch (type) {
            case "object" -> object(node);
            case "array" -> JsonArraySchema.builder().description(description)
                    .items(node.has("items") ? element(node.get("items")) : JsonStringSchema.builder().build()).build();
            case "integer" -> JsonIntegerSchema.builder().description(description).build();
            case "number" -> JsonNumberSchema.builder().description(description).build();
            case "boolean" -> JsonBooleanSchema.builder().description(description).build();
            default -> JsonStringSchema.builder().description(description).build();
        };
    }
}
