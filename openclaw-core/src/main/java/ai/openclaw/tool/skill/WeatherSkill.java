package ai.openclaw.tool.skill;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.tool.Tool;
import ai.openclaw.tool.ToolContext;
import ai.openclaw.tool.ToolDescriptor;
import ai.openclaw.tool.ToolJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The bundled {@code weather} skill: asks the configured weather provider ({@code skills.weather.url}, a URL
 * template with {@code {city}}) and returns its text; a clear UPSTREAM_ERROR when the provider is unreachable.
 */
public final class WeatherSkill implements Tool {
    /** The default provider URL template. */
    public static final String DEFAULT_URL = "https://wttr.in/{city}?format=3";
    private static final int MAX_BYTES = 8192;
    private final Skill skill;
    private final ToolDescriptor descriptor;
    private final String urlTemplate;
    /** Built on the first lookup (building a JDK HttpClient takes ~0.1 s of the gateway's start otherwise). */
    private final ai.openclaw.util.Deferred<HttpClient> http;
    private final Duration timeout;

    /**
     * @param skill the parsed bundled SKILL.md
     * @param urlTemplate the provider URL with {@code {city}}
     * @param executor runs the HTTP client
     * @param timeout the longest a lookup may take
     */
    public WeatherSkill(Skill skill, String urlTemplate, Executor executor, Duration timeout) {
        this.skill = skill;
        this.descriptor = new ToolDescriptor(skill.name(), skill.description(), skill.version(), ToolJson.parse("""
                {"type":"object","properties":{"args":{"type":"array","items":{"type":"string"},"minItems":1},
                 "city":{"type":"string","minLength":1}},
                 "anyOf":[{"required":["args"]},{"required":["city"]}]}"""),
                ToolJson.parse("{\"type\":\"string\"}"), skill.category(), "skill", skill.author());
        this.urlTemplate = urlTemplate;
        this.timeout = timeout;
        this.http = ai.openclaw.util.Deferred.of("the weather skill's HTTP client", () -> HttpClient.newBuilder()
                .executor(executor).connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1)
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
        String city = args.has("city") ? args.path("city").asText() : String.join(" ",
                ToolJson.MAPPER.convertValue(args.path("args"), String[].class));
        if (city.isBlank()) {
            throw OpenClawException.invalid("field 'args[0]' must name a city");
        }
        String url = urlTemplate.replace("{city}", URLEncoder.encode(city.strip(), StandardCharsets.UTF_8)
                .replace("+", "%20"));
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new OpenClawException(ErrorCode.UPSTREAM_ERROR, "weather: skills.weather.url is not a valid URL",
                    url, false, null);
        }
        try {
            HttpResponse<InputStream> r = http.get().send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("User-Agent", "openclaw-weather").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = r.body()) {
                body = in.readNBytes(MAX_BYTES);
            }
            String text = new String(body, StandardCharsets.UTF_8).strip();
            if (r.statusCode() >= 400) {
                throw new OpenClawException(ErrorCode.UPSTREAM_ERROR, "weather provider answered HTTP "
                        + r.statusCode() + " for '" + city + "'", text.isEmpty() ? null : text, true, null);
            }
            return TextNode.valueOf(text);
        } catch (IOException e) {
            throw new OpenClawException(ErrorCode.UPSTREAM_ERROR, "weather provider " + uri.getScheme() + "://"
                    + uri.getAuthority() + " is unreachable (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); set skills.weather.url in "
                    + "config.yaml to a reachable provider", null, true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenClawException(ErrorCode.TIMEOUT, "weather lookup interrupted", null, true, null);
        }
    }
}
