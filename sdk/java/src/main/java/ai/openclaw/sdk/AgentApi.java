package ai.openclaw.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Seed 003 agents ({@code /v2/agents}) and seed 002 sub-agents ({@code /api/v1/agents/spawn}). */
public final class AgentApi {
    private final Transport t;

    AgentApi(Transport t) {
        this.t = t;
    }

    /**
     * Creates an agent.
     *
     * @param name its name
     * @param model a model name such as {@code gpt-4} (may be null)
     * @param skills skill ids (may be empty)
     */
    public JsonNode create(String name, String model, List<String> skills) {
        ObjectNode b = Transport.JSON.createObjectNode().put("name", name);
        if (model != null) {
            b.put("model", model);
        }
        skills.forEach(b.putArray("skills")::add);
        return t.request("POST", "/v2/agents", b);
    }

    /** Creates an agent from a full seed-003 spec (any Jackson-serializable object). */
    public JsonNode create(Object spec) {
        return t.request("POST", "/v2/agents", spec);
    }

    /** One page of agents. */
    public Page list(int limit, int offset) {
        return Page.of(t, "/v2/agents", "agents", limit, offset);
    }

    /** An agent. */
    public JsonNode get(String id) {
        return t.request("GET", "/v2/agents/" + ConversationApi.enc(id), null);
    }

    /** Changes an agent's given fields. */
    public JsonNode update(String id, Object fields) {
        return t.request("PATCH", "/v2/agents/" + ConversationApi.enc(id), fields);
    }

    /** Deletes an agent. */
    public void delete(String id) {
        t.request("DELETE", "/v2/agents/" + ConversationApi.enc(id), null);
    }

    /**
     * Starts a sub-agent and returns at once (status {@code running}).
     *
     * @param task what it should do
     * @param model a model name (may be null)
     */
    public JsonNode spawn(String task, String model) {
        ObjectNode b = Transport.JSON.createObjectNode().put("task", task);
        if (model != null) {
            b.put("model", model);
        }
        return t.request("POST", "/api/v1/agents/spawn", b);
    }

    /**
     * Waits until a sub-agent finishes and returns its state ({@code status}, {@code result}).
     *
     * @param id the sub-agent's id
     * @param timeout how long to wait at most
     * @throws OpenClawApiException code {@code TIMEOUT} when it is still running after {@code timeout}
     */
    public JsonNode waitForCompletion(String id, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            long left = Math.max(1, Math.min(30, Duration.between(Instant.now(), deadline).toSeconds()));
            JsonNode a = t.request("GET", "/api/v1/agents/spawn/" + ConversationApi.enc(id) + "?wait=" + left, null);
            if (!"running".equals(a.path("status").asText())) {
                return a;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new OpenClawApiException(0, "TIMEOUT", "sub-agent " + id + " still running", null, null, null,
                        null);
            }
        }
    }
}
