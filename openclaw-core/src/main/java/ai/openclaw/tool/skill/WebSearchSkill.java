package ai.openclaw.tool.skill;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.tool.Tool;
import ai.openclaw.tool.ToolContext;
import ai.openclaw.tool.ToolDescriptor;
import ai.openclaw.tool.ToolJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;

/**
 * The bundled {@code web-search} skill (seed 003's skill catalogue): asks the configured provider — a SearXNG
 * instance ({@code GET {url}/search?q=&format=json}), Brave Search ({@code GET {url}?q=&count=} with
 * {@code X-Subscription-Token}) or Tavily ({@code POST {url}} with a bearer key) — and returns
 * {@code {query, provider, results: [{title, url, snippet}]}}. No provider configured, one unreachable, or one that
 * answers an error is a clear UPSTREAM_ERROR.
 */
public final class WebSearchSkill implements Tool {
    private static final int MAX_BYTES = 2 * 1024 * 1024;
    private final Skill skill;
    private final ToolDescriptor descriptor;
    private final WebSearchSettings settings;
    /** Built on the first search (building a JDK HttpClient took ~0.1-0.15 s of the gateway's start otherwise). */
    private final ai.openclaw.util.Deferred<HttpClient> http;

    /**
     * @param skill the parsed bundled SKILL.md
     * @param settings the provider ({@code skills.webSearch})
     * @param executor runs the HTTP client
     */
    public WebSearchSkill(Skill skill, WebSearchSettings settings, Executor executor) {
        this.skill = skill;
        this.settings = settings;
        this.descriptor = new ToolDescriptor(skill.name(), skill.description(), skill.version(), ToolJson.parse("""
                {"type":"object","properties":{"args":{"type":"array","items":{"type":"string"},"minItems":1},
                 "query":{"type":"string","minLength":1},"maxResults":{"type":"integer","minimum":1,"maximum":20}},
                 "anyOf":[{"required":["args"]},{"required":["query"]}]}"""),
                ToolJson.parse("{\"type\":\"object\"}"), skill.category(), "skill", skill.author());
        this.http = ai.openclaw.util.Deferred.of("the web-search skill's HTTP client", () -> HttpClient.newBuilder()
                .executor(executor).connectTimeout(settings.timeout()).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).build());
    }

    /** The skill description. */
    public Skill skill() {
        return skill;
    }

    @Override
    public ToolDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public JsonNode execute(JsonNode args, ToolContext context) {
        String query = args.has("query") ? args.path("query").asText() : String.join(" ",
                ToolJson.MAPPER.convertValue(args.path("args"), String[].class)).strip();
        if (query.isBlank()) {
            throw OpenClawException.invalid("field 'args[0]' must be a search query");
        }
        int max = args.path("maxResults").asInt(settings.maxResults());
        if (settings.provider() == null) {
            throw new OpenClawException(ErrorCode.UPSTREAM_ERROR, "web-search: no search provider is configured; set "
                    + "skills.webSearch.provider (searxng, brave or tavily) with its url / apiKey in config.yaml",
                    null, false, null);
        }
        String q = URLEncoder.encode(query, StandardCharsets.UTF_8);
        HttpRequest.Builder req;
        try {
            req = switch (settings.provider()) {
                case "searxng" -> HttpRequest.newBuilder(URI.create(settings.url().replaceAll("/+$", "")
                        + "/search?q=" + q + "&format=json")).GET();
                case "brave" -> HttpRequest.newBuilder(URI.create(settings.url() + (settings.url().contains("?")
                        ? "&" : "?") + "q=" + q + "&count=" + max)).header("X-Subscription-Token",
                        settings.apiKey() == null ? "" : settings.apiKey()).GET();
                default -> {
                    ObjectNode body = ToolJson.MAPPER.createObjectNode().put("query", query).put("max_results", max);
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(settings.url()))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
                    if (settings.apiKey() != null) {
                        b.header("Authorization", "Bearer " + settings.apiKey());
                    }
                    yield b;
                }
            };
        } catch (IllegalArgumentException e) {
            throw new OpenClawException(ErrorCode.UPSTREAM_ERROR, "web-search: skills.webSearch.url is not a valid "
                    + "URL", settings.url(), false, null);
        }
        HttpRequest request = req.timeout(settings.timeout()).header("Accept", "application/json")
                .header("User-Agent", "openclaw-web-search").build();
        String where = settings.provider() + " at " + request.uri().getScheme() + "://" + request.uri().getAuthority();
        JsonNode answer;
        try {
            HttpResponse<InputStream> r = http.get().send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] bytes;
            try (InputStream in = r.body()) {
                bytes = in.readNBytes(MAX_BYTES);
            }
            if (r.statusCode() >= 400) {
                String text = new String(bytes, 0, Math.min(bytes.length, 500), StandardCharsets.UTF_8).strip();
                throw new OpenClawException(ErrorCode.UPSTREAM_ERROR, "web-search: " + where + " answered HTTP "
                        + r.statusCode(), text.isEmpty() ? null : text, r.statusCode() == 429 || r.statusCode() >= 500,
                        null);
            }
            answer = ToolJson.MAPPER.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new OpenClawException(ErrorCode.UPSTREAM_ERROR, "web-search: " + where + " did not answer JSON",
                    null, true, null);
        } catch (IOException e) {
            throw new OpenClawException(ErrorCode.UPSTREAM_ERROR, "web-search: " + where + " is unreachable ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); set skills.webSearch in config.yaml to a reachable provider", null, true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenClawException(ErrorCode.TIMEOUT, "web search interrupted", null, true, null);
        }
        JsonNode list = settings.provider().equals("brave") ? answer.path("web").path("results")
                : answer.path("results");
        ObjectNode out = ToolJson.MAPPER.createObjectNode().put("query", query).put("provider", settings.provider());
        ArrayNode results = out.putArray("results");
        for (JsonNode hit : list) {
            if (results.size() >= max) {
                break;
            }
            String snippet = hit.hasNonNull("content") ? hit.path("content").asText()
                    : hit.path("description").asText("");
            results.addObject().put("title", hit.path("title").asText("")).put("url", hit.path("url").asText(""))
                    .put("snippet", snippet);
        }
        return out;
    }
}
