package ai.openclaw.tool.skill;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How the bundled {@code web-search} skill reaches a search provider (config {@code skills.webSearch}).
 *
 * @param provider {@code searxng}, {@code brave} or {@code tavily}, or null when none is configured (every search
 *     is then an UPSTREAM_ERROR saying so)
 * @param url the provider's endpoint: a SearXNG instance's base URL (required for searxng), else the provider's API
 *     URL (defaults: Brave {@value #BRAVE_URL}, Tavily {@value #TAVILY_URL})
 * @param apiKey the provider's key (Brave's {@code X-Subscription-Token}, Tavily's bearer key), or null
 * @param maxResults the default number of results, 1–20
 * @param timeout the longest one search may take
 */
public record WebSearchSettings(String provider, String url, String apiKey, int maxResults, Duration timeout) {
    /** Brave Search's web search API. */
    public static final String BRAVE_URL = "https://api.search.brave.com/res/v1/web/search";
    /** Tavily's search API. */
    public static final String TAVILY_URL = "https://api.tavily.com/search";
    /** The providers the skill speaks to. */
    public static final Set<String> PROVIDERS = Set.of("searxng", "brave", "tavily");
    /** No provider configured. */
    public static final WebSearchSettings NONE = new WebSearchSettings(null, null, null, 5, Duration.ofSeconds(10));

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the config key that is wrong
     */
    public WebSearchSettings {
        Objects.requireNonNull(timeout, "timeout");
        if (provider != null) {
            provider = provider.strip().toLowerCase(Locale.ROOT);
            if (!PROVIDERS.contains(provider)) {
                throw new IllegalArgumentException("skills.webSearch.provider must be searxng, brave or tavily, got '"
                        + provider + "'");
            }
            if (url == null || url.isBlank()) {
                url = switch (provider) {
                    case "brave" -> BRAVE_URL;
                    case "tavily" -> TAVILY_URL;
                    default -> throw new IllegalArgumentException("skills.webSearch.url is required for searxng "
                            + "(the instance's base URL, e.g. http://127.0.0.1:8888)");
                };
            }
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new IllegalArgumentException("skills.webSearch.url must be an http(s) URL, got '" + url + "'");
            }
        }
        if (maxResults < 1 || maxResults > 20) {
            throw new IllegalArgumentException("skills.webSearch.maxResults must be 1-20, got " + maxResults);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("skills.webSearch.timeoutSeconds must be > 0");
        }
    }

    /**
     * The settings under {@code skills.webSearch}: {@code provider}, {@code url}, {@code apiKey},
     * {@code maxResults} (default 5), {@code timeoutSeconds} (default 10).
     *
     * @param skills the config's {@code skills} node (may be missing)
     * @throws IllegalArgumentException as the constructor
     */
    public static WebSearchSettings from(JsonNode skills) {
        JsonNode w = skills.path("webSearch");
        if (w.isMissingNode() || w.isNull()) {
            return NONE;
        }
        return new WebSearchSettings(text(w, "provider"), text(w, "url"), text(w, "apiKey"),
                w.path("maxResults").asInt(5), Duration.ofSeconds(w.path("timeoutSeconds").asLong(10)));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isValueNode() && !v.asText().isBlank() ? v.asText() : null;
    }
}
