package ai.openclaw.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Webhooks ({@code /v2/webhooks}), batch ({@code /v2/batch}), API keys ({@code /api/v1/keys}), skills and tools. */
public final class AdminApi {
    private final Transport t;

    AdminApi(Transport t) {
        this.t = t;
    }

    /** Registers a webhook endpoint; the answer's {@code secret} is shown only here. */
    public JsonNode createWebhook(String url, List<String> events, String secret) {
        ObjectNode b = Transport.JSON.createObjectNode().put("url", url);
        events.forEach(b.putArray("events")::add);
        if (secret != null) {
            b.put("secret", secret);
        }
        return t.request("POST", "/v2/webhooks", b);
    }

    /** The webhook endpoints. */
    public JsonNode webhooks() {
        return t.request("GET", "/v2/webhooks", null).path("webhooks");
    }

    /** Removes a webhook endpoint. */
    public void deleteWebhook(String id) {
        t.request("DELETE", "/v2/webhooks/" + ConversationApi.enc(id), null);
    }

    /** One page of an endpoint's delivery log. */
    public Page deliveries(String id, int limit, int offset) {
        return Page.of(t, "/v2/webhooks/" + ConversationApi.enc(id) + "/deliveries", "deliveries", limit, offset);
    }

    /** Runs batch operations ({@code [{method, path, body}]}); {@code results}, {@code succeeded}, {@code failed}. */
    public JsonNode batch(List<Map<String, Object>> operations) {
        return t.request("POST", "/v2/batch", Map.of("operations", operations));
    }

    /** Creates an API key; the answer's {@code key} is the secret, shown only here. */
    public JsonNode createKey(String name, Map<String, Object> options) {
        ObjectNode b = Transport.JSON.valueToTree(options);
        b.put("name", name);
        return t.request("POST", "/api/v1/keys", b);
    }

    /** The API keys. */
    public JsonNode keys() {
        return t.request("GET", "/api/v1/keys", null).path("keys");
    }

    /** Revokes an API key by id or name. */
    public void revokeKey(String idOrName) {
        t.request("DELETE", "/api/v1/keys/" + ConversationApi.enc(idOrName), null);
    }

    /** The skills ({@code GET /api/v1/skills}). */
    public JsonNode skills() {
        return t.request("GET", "/api/v1/skills", null).path("skills");
    }

    /** Runs a skill; {@code result}, {@code executionTime}. */
    public JsonNode executeSkill(String name, List<String> args) {
        return t.request("POST", "/api/v1/skills/" + ConversationApi.enc(name) + "/execute", Map.of("args", args));
    }

    /** The tools ({@code GET /v1/tools}). */
    public JsonNode tools() {
        return t.request("GET", "/v1/tools", null);
    }

    /** Runs a tool; {@code result}, {@code metadata}. */
    public JsonNode executeTool(String name, Map<String, Object> parameters) {
        return t.request("POST", "/v1/tools/" + ConversationApi.enc(name) + "/execute",
                Map.of("parameters", parameters));
    }
}
