package ai.openclaw.server.api.graphql;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One GraphQL request as every transport carries it (GraphQL over HTTP, graphql-sse, graphql-transport-ws's
 * {@code subscribe} payload): {@code query}, optional {@code operationName}, {@code variables}, {@code extensions}.
 *
 * @param query the document text; never blank
 * @param operationName the operation to run, or null for the only one
 * @param variables the variables; never null
 * @param extensions the request's extensions; never null
 */
record GraphqlRequest(String query, String operationName, Map<String, Object> variables,
                      Map<String, Object> extensions) {
    /** Validates the query and copies the maps. */
    GraphqlRequest {
        if (query == null || query.isBlank()) {
            throw OpenClawException.invalid("field 'query' is required: a GraphQL document");
        }
        variables = variables == null ? Map.of() : variables;
        extensions = extensions == null ? Map.of() : extensions;
    }

    /**
     * Reads a request object.
     *
     * @throws OpenClawException INVALID_REQUEST naming a field of the wrong type
     */
    static GraphqlRequest from(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw OpenClawException.invalid("the request must be a JSON object with 'query'");
        }
        JsonNode q = body.get("query");
        if (q == null || !q.isTextual()) {
            throw OpenClawException.invalid("field 'query' is required and must be a string (a GraphQL document)");
        }
        return new GraphqlRequest(q.textValue(), text(body, "operationName"), object(body, "variables"),
                object(body, "extensions"));
    }

    /**
     * A request from query parameters (GET): {@code variables} and {@code extensions} are JSON text.
     *
     * @throws OpenClawException INVALID_REQUEST for parameters that are not JSON objects
     */
    static GraphqlRequest fromParams(String query, String operationName, String variables, String extensions) {
        return new GraphqlRequest(query, operationName == null || operationName.isBlank() ? null : operationName,
                param(variables, "variables"), param(extensions, "extensions"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw OpenClawException.invalid("field '" + field + "' must be a string");
        }
        return v.textValue().isBlank() ? null : v.textValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw OpenClawException.invalid("field '" + field + "' must be an object");
        }
        return Json.MAPPER.convertValue(v, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> param(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode n = Json.MAPPER.readTree(text);
            if (n.isObject()) {
                return Json.MAPPER.convertValue(n, Map.class);
            }
        } catch (java.io.IOException e) {
            // falls through
        }
        throw OpenClawException.invalid("query parameter '" + name + "' must be a JSON object");
    }
}
