package ai.openclaw.server.api.graphql;

import ai.openclaw.agent.Agent;
import ai.openclaw.agent.AgentSkill;
import ai.openclaw.cron.CronJob;
import ai.openclaw.cron.CronJson;
import ai.openclaw.cron.CronRun;
import ai.openclaw.llm.Usage;
import ai.openclaw.memory.MemoryItem;
import ai.openclaw.memory.SearchHit;
import ai.openclaw.server.http.Json;
import ai.openclaw.session.Message;
import ai.openclaw.session.Session;
import ai.openclaw.task.Task;
import ai.openclaw.tool.ToolDescriptor;
import ai.openclaw.tool.ToolRegistry;
import ai.openclaw.webhook.WebhookDelivery;
import ai.openclaw.webhook.WebhookEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The core's records as the schema's object types (maps keyed by field name; nested lists resolved by fetchers). */
final class Views {
    private Views() {
    }

    static Map<String, Object> conversation(Session s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", s.id());
        o.put("title", s.label());
        o.put("agentId", s.agentId());
        o.put("model", s.model());
        o.put("messageCount", s.messageCount());
        Object stored = s.context();
        Map<?, ?> ctx = s.context();
        o.put("context", ctx.containsKey("context") ? ctx.get("context") : stored);
        Map<String, Object> settings = new LinkedHashMap<>();
        if (ctx.get("settings") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> settings.put(String.valueOf(k), v));
        }
        settings.put("model", s.model());
        o.put("settings", settings);
        o.put("createdAt", s.createdAt());
        o.put("updatedAt", s.updatedAt());
        return o;
    }

    static Map<String, Object> message(Message m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", m.id());
        o.put("conversationId", m.sessionId());
        o.put("role", m.role().wireName());
        o.put("content", m.content());
        o.put("type", m.type());
        o.put("model", m.model());
        o.put("usage", m.model() == null ? null : usage(m.usage()));
        o.put("createdAt", m.createdAt());
        return o;
    }

    static Map<String, Object> usage(Usage u) {
        return Map.of("promptTokens", u.inputTokens(), "completionTokens", u.outputTokens(),
                "totalTokens", u.totalTokens());
    }

    static Map<String, Object> agent(Agent a, ToolRegistry tools) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", a.id());
        o.put("name", a.name());
        o.put("description", a.description());
        o.put("model", a.model());
        o.put("systemPrompt", a.systemPrompt());
        List<Object> skills = new ArrayList<>();
        for (AgentSkill s : a.skills()) {
            Map<String, Object> so = new LinkedHashMap<>();
            so.put("id", s.id());
            so.put("enabled", s.enabled());
            so.put("version", s.version());
            so.put("config", s.config());
            so.put("available", tools.find(s.id()).isPresent());
            skills.add(so);
        }
        o.put("skills", skills);
        o.put("temperature", a.temperature());
        o.put("maxTokens", a.maxTokens());
        o.put("memoryEnabled", a.memoryEnabled());
        o.put("workspace", a.workspace());
        o.put("createdAt", a.createdAt());
        o.put("updatedAt", a.updatedAt());
        return o;
    }

    static Map<String, Object> memory(MemoryItem m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", m.id());
        o.put("content", m.content());
        o.put("tags", m.tags());
        o.put("type", m.type().wireName());
        o.put("source", m.source());
        o.put("agentId", m.scope().agentId());
        o.put("userId", m.scope().userId());
        o.put("sessionId", m.scope().sessionId());
        o.put("createdAt", m.createdAt());
        o.put("updatedAt", m.updatedAt());
        o.put("expiresAt", m.expiresAt());
        return o;
    }

    static Map<String, Object> hit(SearchHit h) {
        return Map.of("memory", memory(h.item()), "score", round(h.score()), "keywordScore", round(h.keywordScore()),
                "vectorScore", round(h.vectorScore()));
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    static Map<String, Object> skill(ToolDescriptor d) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", d.name());
        o.put("name", d.name());
        o.put("version", d.version());
        o.put("category", d.category());
        o.put("description", d.description());
        o.put("author", d.author());
        o.put("type", d.kind());
        o.put("inputSchema", d.inputSchema());
        return o;
    }

    static Map<String, Object> task(Task t) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", t.id());
        o.put("name", t.name());
        o.put("type", t.type());
        o.put("status", t.status().name());
        o.put("priority", t.priority());
        o.put("progress", t.progress());
        o.put("parameters", t.parameters());
        o.put("result", t.result());
        o.put("error", t.error());
        o.put("createdAt", t.createdAt());
        o.put("updatedAt", t.updatedAt());
        o.put("startedAt", t.startedAt());
        o.put("completedAt", t.completedAt());
        return o;
    }

    static Map<String, Object> cronJob(CronJob j, Object nextRun) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", j.id());
        o.put("name", j.name());
        o.put("enabled", j.enabled());
        o.put("schedule", CronJson.toJson(j.schedule()));
        o.put("payload", CronJson.toJson(j.payload()));
        o.put("sessionTarget", j.sessionTarget() == null ? "isolated" : j.sessionTarget());
        o.put("nextRun", nextRun);
        o.put("createdAt", j.createdAt());
        o.put("updatedAt", j.updatedAt());
        return o;
    }

    static Map<String, Object> cronRun(CronRun r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", r.id());
        o.put("jobId", r.jobId());
        o.put("trigger", r.trigger());
        o.put("scheduledFor", r.scheduledFor());
        o.put("startedAt", r.startedAt());
        o.put("endedAt", r.endedAt());
        o.put("status", r.status());
        o.put("output", r.output());
        o.put("error", r.error());
        return o;
    }

    static Map<String, Object> webhook(WebhookEndpoint e) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", e.id());
        o.put("url", e.url());
        o.put("events", e.events().stream().sorted().toList());
        o.put("enabled", e.enabled());
        o.put("source", e.fromConfig() ? "config" : "api");
        o.put("disabledReason", e.disabledReason());
        o.put("createdAt", e.fromConfig() ? null : e.createdAt());
        return o;
    }

    static Map<String, Object> delivery(WebhookDelivery d) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", d.id());
        o.put("event", d.event());
        o.put("status", d.status());
        o.put("attempts", d.attempts());
        o.put("lastStatus", d.lastStatus());
        o.put("lastError", d.lastError());
        o.put("nextAttemptAt", WebhookDelivery.PENDING.equals(d.status()) ? d.nextAttemptAt() : null);
        o.put("createdAt", d.createdAt());
        o.put("deliveredAt", d.deliveredAt());
        JsonNode payload;
        try {
            payload = Json.MAPPER.readTree(d.body());
        } catch (IOException ex) {
            payload = Json.MAPPER.getNodeFactory().textNode(d.body());
        }
        o.put("payload", payload);
        return o;
    }

    static Map<String, Object> deleted(String id) {
        return Map.of("id", id, "deleted", true);
    }
}
