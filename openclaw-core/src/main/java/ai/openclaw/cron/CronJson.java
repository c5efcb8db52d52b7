package ai.openclaw.cron;

import ai.openclaw.error.OpenClawException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The JSON forms of schedules and payloads (OpenClaw's cron model), used by the API and the store alike:
 * {@code {kind:"every", everyMs}}, {@code {kind:"at", at}} (ISO-8601 or epoch ms), {@code {kind:"cron", expr, tz}};
 * {@code {kind:"systemEvent", text}}, {@code {kind:"agentTurn", message, agentId, model}}.
 */
public final class CronJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CronJson() {
    }

    /**
     * Reads a schedule.
     *
     * @throws OpenClawException INVALID_REQUEST naming the field
     */
    public static CronSchedule schedule(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw OpenClawException.invalid("field 'schedule' must be an object with a 'kind'");
        }
        String kind = n.path("kind").asText("");
        return switch (kind) {
            case "every" -> {
                JsonNode ms = n.path("everyMs");
                if (!ms.isIntegralNumber()) {
                    throw OpenClawException.invalid("field 'schedule.everyMs' must be an integer (milliseconds)");
                }
                yield new CronSchedule.Every(ms.asLong());
            }
            case "at" -> new CronSchedule.At(instant(n.path("at")));
            case "cron" -> new CronSchedule.CronExpr(n.path("expr").asText(null),
                    n.path("tz").isTextual() ? n.path("tz").asText() : null);
            default -> throw OpenClawException.invalid("field 'schedule.kind' must be 'every', 'at' or 'cron', got '"
                    + kind + "'");
        };
    }

    /**
     * Reads a payload.
     *
     * @throws OpenClawException INVALID_REQUEST naming the field
     */
    public static CronPayload payload(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw OpenClawException.invalid("field 'payload' must be an object with a 'kind'");
        }
        String kind = n.path("kind").asText("");
        return switch (kind) {
            case "systemEvent" -> new CronPayload.SystemEvent(text(n, "text"));
            case "agentTurn" -> new CronPayload.AgentTurn(text(n, "message"), text(n, "agentId"), text(n, "model"));
            default -> throw OpenClawException.invalid("field 'payload.kind' must be 'systemEvent' or 'agentTurn', "
                    + "got '" + kind + "'");
        };
    }

    /** A schedule as JSON. */
    public static ObjectNode toJson(CronSchedule s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("kind", s.kind());
        switch (s) {
            case CronSchedule.Every e -> o.put("everyMs", e.everyMs());
            case CronSchedule.At a -> o.put("at", a.at().toString());
            case CronSchedule.CronExpr c -> {
                o.put("expr", c.expr());
                if (c.tz() != null) {
                    o.put("tz", c.tz());
                }
            }
        }
        return o;
    }

    /** A payload as JSON. */
    public static ObjectNode toJson(CronPayload p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("kind", p.kind());
        switch (p) {
            case CronPayload.SystemEvent s -> o.put("text", s.text());
            case CronPayload.AgentTurn a -> {
                o.put("message", a.message());
                if (a.agentId() != null) {
                    o.put("agentId", a.agentId());
                }
                if (a.model() != null) {
                    o.put("model", a.model());
                }
            }
        }
        return o;
    }

    /** Parses stored JSON text. */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored cron JSON is corrupt", e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw OpenClawException.invalid("field 'payload." + field + "' must be a string");
        }
        return v.asText();
    }

    private static Instant instant(JsonNode v) {
        if (v.isIntegralNumber()) {
            return Instant.ofEpochMilli(v.asLong());
        }
        if (v.isTextual()) {
            try {
                return OffsetDateTime.parse(v.asText()).toInstant();
            } catch (DateTimeParseException e) {
                throw OpenClawException.invalid("field 'schedule.at' must be an ISO-8601 time with offset, e.g. "
                        + "2026-02-15T00:00:00Z, or epoch milliseconds");
            }
        }
        throw OpenClawException.invalid("field 'schedule.at' is required for kind 'at'");
    }
}
