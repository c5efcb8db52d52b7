package ai.openclaw.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Seed 004 cron jobs: {@code /api/v1/cron/jobs}. */
public final class CronApi {
    private final Transport t;

    CronApi(Transport t) {
        this.t = t;
    }

    /** The jobs. */
    public List<JsonNode> list() {
        List<JsonNode> out = new ArrayList<>();
        t.request("GET", "/api/v1/cron/jobs", null).path("jobs").forEach(out::add);
        return out;
    }

    /**
     * Creates a job from its spec: {@code {name, schedule: {kind, everyMs | at | expr, tz}, payload: {kind, text |
     * message, agentId}, sessionTarget, enabled}}.
     */
    public JsonNode create(Object spec) {
        return t.request("POST", "/api/v1/cron/jobs", spec);
    }

    /** A job. */
    public JsonNode get(String id) {
        return t.request("GET", "/api/v1/cron/jobs/" + ConversationApi.enc(id), null);
    }

    /** Changes a job's given fields. */
    public JsonNode update(String id, Object fields) {
        return t.request("PATCH", "/api/v1/cron/jobs/" + ConversationApi.enc(id), fields);
    }

    /** Deletes a job and its history. */
    public void delete(String id) {
        t.request("DELETE", "/api/v1/cron/jobs/" + ConversationApi.enc(id), null);
    }

    /** Fires a job now; the run ({@code status}, {@code output}, {@code error}). */
    public JsonNode run(String id) {
        return t.request("POST", "/api/v1/cron/jobs/" + ConversationApi.enc(id) + "/run",
                Transport.JSON.createObjectNode());
    }

    /** One page of a job's runs. */
    public Page runs(String id, int limit, int offset) {
        return Page.of(t, "/api/v1/cron/jobs/" + ConversationApi.enc(id) + "/runs", "runs", limit, offset);
    }
}
