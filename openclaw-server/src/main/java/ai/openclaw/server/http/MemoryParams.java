package ai.openclaw.server.http;

import ai.openclaw.auth.Principal;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.memory.MemoryFilter;
import ai.openclaw.memory.MemoryItem;
import ai.openclaw.memory.MemoryPatch;
import ai.openclaw.memory.MemoryQuery;
import ai.openclaw.memory.MemoryScope;
import ai.openclaw.memory.MemoryType;
import ai.openclaw.memory.NewMemory;
import ai.openclaw.memory.SearchHit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Request parsing and response views for memory, shared by the gateway v1 (seed 001) and v2 (seed 003) dialects.
 * A search reads each parameter from the query string first, then from a JSON body (seed 001 shows both forms).
 */
public final class MemoryParams {
    private static final Pattern RETENTION = Pattern.compile("(\\d{1,6})\\s*([smhdw])");

    private MemoryParams() {
    }

    /**
     * A search request from query parameters ({@code query}/{@code q}, {@code limit}, {@code minScore},
     * {@code tags} comma-separated, {@code type}, {@code agentId}, {@code halfLifeDays}) or the JSON body.
     *
     * @throws OpenClawException INVALID_REQUEST naming a malformed parameter
     */
    public static MemoryQuery search(Context ctx, Principal p, long maxBodyBytes) {
        JsonBody body = JsonBody.readOptional(ctx, maxBodyBytes);
        String query = firstNonNull(ctx.queryParam("query"), ctx.queryParam("q"));
        if (query == null) {
            query = body.has("query") ? body.optText("query") : body.optText("q");
        }
        if (query == null || query.isBlank()) {
            throw OpenClawException.invalid("parameter 'query' is required and must not be empty");
        }
        Integer limit = ctx.queryParam("limit") != null ? queryInt(ctx, "limit")
                : body.optInt("limit", Integer.MIN_VALUE, Integer.MAX_VALUE);
        Double minScore = ctx.queryParam("minScore") != null ? queryDouble(ctx, "minScore")
                : ctx.queryParam("min_score") != null ? queryDouble(ctx, "min_score")
                : body.has("minScore") ? body.optDouble("minScore", -Double.MAX_VALUE, Double.MAX_VALUE)
                : body.optDouble("min_score", -Double.MAX_VALUE, Double.MAX_VALUE);
        if (minScore != null && !(minScore >= 0 && minScore <= 1)) {
            throw OpenClawException.invalid("parameter 'minScore' must be a number between 0 and 1, got " + minScore);
        }
        Double halfLife = ctx.queryParam("halfLifeDays") != null ? queryDouble(ctx, "halfLifeDays")
                : body.optDouble("halfLifeDays", -Double.MAX_VALUE, Double.MAX_VALUE);
        return new MemoryQuery(query, limit, minScore, filter(ctx, body, p), halfLife);
    }

    /** The filter of a search or listing: the caller's visibility plus {@code tags}, {@code type}, {@code agentId}. */
    public static MemoryFilter filter(Context ctx, JsonBody body, Principal p) {
        Set<String> tags = new LinkedHashSet<>();
        String qTags = firstNonNull(ctx.queryParam("tags"), ctx.queryParam("tag"));
        if (qTags != null) {
            for (String t : qTags.split(",")) {
                if (!t.isBlank()) {
                    tags.add(t.strip());
                }
            }
        } else if (body != null) {
            tags.addAll(tags(body, "tags"));
        }
        Set<MemoryType> types = new LinkedHashSet<>();
        String qType = ctx.queryParam("type");
        if (qType == null && body != null) {
            qType = body.optText("type");
        }
        if (qType != null && !qType.isBlank()) {
            for (String t : qType.split(",")) {
                types.add(MemoryType.parse(t, "type"));
            }
        }
        String agent = ctx.queryParam("agentId");
        if (agent == null && body != null) {
            agent = body.optText("agentId");
        }
        String source = ctx.queryParam("source");
        if (source == null && body != null) {
            source = body.optText("source");
        }
        return new MemoryFilter(p.ownerFilter(), blankToNull(agent), tags, types, blankToNull(source));
    }

    /**
     * A new memory from a JSON body: {@code content} (required), {@code tags}, {@code type}, {@code source},
     * {@code agentId}, {@code userId}, {@code sessionId}, and {@code retention} ({@code 30d}, {@code 12h}, …) or
     * {@code expiresAt} (ISO-8601).
     */
    public static NewMemory newMemory(JsonBody body, Principal p, Instant now) {
        if (!body.has("content")) {
            throw OpenClawException.invalid("field 'content' is required");
        }
        String content = body.optText("content");
        List<String> tags = tags(body, "tags");
        MemoryType type = body.has("type") ? MemoryType.parse(body.optText("type"), "type") : null;
        MemoryScope scope = new MemoryScope(p.ownerId(), body.optText("agentId"), body.optText("userId"),
                body.optText("sessionId"));
        return new NewMemory(content, tags, type, body.optText("source"), scope, expiry(body, now));
    }

    /** A patch from a JSON body: {@code content}, {@code tags}, {@code type}, {@code retention}/{@code expiresAt}. */
    public static MemoryPatch patch(JsonBody body, Instant now) {
        List<String> tags = body.has("tags") ? tags(body, "tags") : null;
        MemoryType type = body.has("type") ? MemoryType.parse(body.optText("type"), "type") : null;
        boolean clear = body.node().has("expiresAt") && body.node().get("expiresAt").isNull();
        if (body.node().has("content") && !body.has("content")) {
            throw OpenClawException.invalid("field 'content' must not be null");
        }
        return new MemoryPatch(body.optText("content"), tags, type, expiry(body, now), clear);
    }

    private static Instant expiry(JsonBody body, Instant now) {
        String retention = body.optText("retention");
        if (retention != null) {
            Matcher m = RETENTION.matcher(retention.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw OpenClawException.invalid("field 'retention' must look like 30d, 12h, 90m, 2w or 3600s; got '"
                        + retention + "'");
            }
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            if (d.isZero()) {
                throw OpenClawException.invalid("field 'retention' must be positive");
            }
            return now.plus(d);
        }
        String at = body.optText("expiresAt");
        if (at != null) {
            try {
                return Instant.parse(at);
            } catch (DateTimeParseException e) {
                throw OpenClawException.invalid("field 'expiresAt' must be an ISO-8601 instant such as "
                        + "2026-12-31T00:00:00Z; got '" + at + "'");
            }
        }
        return null;
    }

    private static List<String> tags(JsonBody body, String field) {
        ArrayNode arr = body.optArray(field);
        List<String> out = new ArrayList<>();
        if (arr == null) {
            return out;
        }
        for (int i = 0; i < arr.size(); i++) {
            JsonNode t = arr.get(i);
            if (!t.isTextual()) {
                throw OpenClawException.invalid("field '" + body.path(field) + "[" + i + "]' must be a string");
            }
            out.add(t.textValue());
        }
        return out;
    }

    /** A search hit as JSON: {@code content, score, source} (seed 001) plus ids, tags and the score's parts. */
    public static ObjectNode hit(SearchHit h) {
        ObjectNode o = Json.obj();
        o.put("id", h.item().id());
        o.put("content", h.item().content());
        o.put("score", round(h.score()));
        o.put("source", h.item().source());
        o.put("keywordScore", round(h.keywordScore()));
        o.put("vectorScore", round(h.vectorScore()));
        o.put("type", h.item().type().wireName());
        ArrayNode tags = o.putArray("tags");
        h.item().tags().forEach(tags::add);
        o.put("createdAt", Json.time(h.item().createdAt()));
        return o;
    }

    /** A memory item as JSON (seed 003 camelCase). */
    public static ObjectNode item(MemoryItem m) {
        ObjectNode o = Json.obj();
        o.put("id", m.id());
        o.put("content", m.content());
        ArrayNode tags = o.putArray("tags");
        m.tags().forEach(tags::add);
        o.put("type", m.type().wireName());
        o.put("source", m.source());
        o.put("agentId", m.scope().agentId());
        o.put("userId", m.scope().userId());
        o.put("sessionId", m.scope().sessionId());
        o.put("createdAt", Json.time(m.createdAt()));
        o.put("updatedAt", Json.time(m.updatedAt()));
        o.put("expiresAt", m.expiresAt() == null ? null : Json.time(m.expiresAt()));
        ObjectNode emb = o.putObject("embedding");
        emb.put("model", m.embeddingModel());
        emb.put("dimension", m.dimension());
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static Integer queryInt(Context ctx, String name) {
        String v = ctx.queryParam(name).strip();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw OpenClawException.invalid("parameter '" + name + "' must be an integer, got '" + v + "'");
        }
    }

    private static Double queryDouble(Context ctx, String name) {
        String v = ctx.queryParam(name).strip();
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw OpenClawException.invalid("parameter '" + name + "' must be a number, got '" + v + "'");
        }
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
