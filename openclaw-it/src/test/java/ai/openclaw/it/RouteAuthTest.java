package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks the gateway's own route table (so routes added later are covered automatically) and proves that every
 * route except {@code /health}, {@code /healthz} and {@code /ready} refuses requests with no, malformed, wrong,
 * revoked and expired credentials with 401 in the route's dialect.
 */
class RouteAuthTest {
    static final Set<String> PUBLIC = java.util.stream.Stream.concat(Set.of("/health", "/healthz", "/ready").stream(),
            java.util.stream.Stream.concat(ai.openclaw.server.api.ui.ControlUiRoutes.PUBLIC_PATHS.stream(),
                    ai.openclaw.server.api.system.OpenApiRoutes.PUBLIC_PATHS.stream()))
            .collect(java.util.stream.Collectors.toSet());
    static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = TestGateway.start("gateway:\n  rate_limit:\n    auth_failures_per_minute: 0\n");
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}", "probe-id").replaceAll("<[^>]+>", "gateway.port");
    }

    @Test
    void everyNonHealthRouteRefusesBadCredentials() {
        List<String> routes = gw.gateway().routes();
        assertThat(routes).as("the route table is visible").contains("GET /api/v1/sessions", "POST /v1/chat/completions",
                "GET /v2/conversations/{id}", "DELETE /api/v1/keys/{key}", "GET /health");
        String revoked = gw.post("/api/v1/keys", "{\"name\": \"to-revoke\", \"scopes\": [\"admin\"], "
                + "\"plan\": \"enterprise\"}").json().at("/data/key").asText();
        assertThat(gw.delete("/api/v1/keys/to-revoke").status()).isEqualTo(200);
        String expiring = gw.post("/api/v1/keys", "{\"name\": \"to-expire\", \"scopes\": [\"admin\"], "
                + "\"plan\": \"enterprise\", \"expiresIn\": 1}").json().at("/data/key").asText();
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).until(() ->
                gw.send("GET", "/v1/models", null, Map.of("X-API-Key", expiring)).status() == 401);

        Map<String, Map<String, String>> credentials = new LinkedHashMap<>();
        credentials.put("none", Map.of());
        credentials.put("empty bearer", Map.of("Authorization", "Bearer "));
        credentials.put("basic", Map.of("Authorization", "Basic dXNlcjpwYXNz"));
        credentials.put("other scheme", Map.of("Authorization", "Token " + TestGateway.TOKEN));
        credentials.put("wrong token", Map.of("Authorization", "Bearer " + TestGateway.TOKEN + "x"));
        credentials.put("token prefix", Map.of("Authorization", "Bearer " + TestGateway.TOKEN.substring(0, 10)));
        credentials.put("unknown key", Map.of("X-API-Key", "oc_api_sk_" + "A".repeat(40)));
        credentials.put("garbage key", Map.of("X-API-Key", "';DROP TABLE api_keys;--"));
        credentials.put("oversized", Map.of("Authorization", "Bearer oc_api_sk_" + "z".repeat(4000)));
        credentials.put("revoked", Map.of("Authorization", "Bearer " + revoked));
        credentials.put("revoked via header", Map.of("X-API-Key", revoked));
        credentials.put("expired", Map.of("Authorization", "Bearer " + expiring));

        List<String> checked = new ArrayList<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            if (PUBLIC.contains(path) || method.equals("OPTIONS") || method.equals("HEAD")) {
                continue;
            }
            String url = concrete(path);
            String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
            for (Map.Entry<String, Map<String, String>> c : credentials.entrySet()) {
                Map<String, String> headers = new LinkedHashMap<>(c.getValue());
                if (body != null) {
                    headers.put("Content-Type", "application/json");
                }
                HttpResult r = gw.send(method, url, body, headers);
                assertThat(r.status()).as(route + " with " + c.getKey() + ": " + r.body()).isEqualTo(401);
                String code = url.equals("/graphql") || url.equals("/v2/graphql") ? "/errors/0/extensions/code"
                        : "/error/code";
                assertThat(r.json().at(code).asText()).as(route).isEqualTo("UNAUTHORIZED");
                assertThat(r.header("WWW-Authenticate")).as(route).contains("Bearer");
                assertThat(r.body()).doesNotContain("oc_api_sk_").doesNotContain(TestGateway.TOKEN.substring(0, 10));
                if (url.startsWith("/api/")) {
                    assertThat(r.json().path("success").asBoolean(true)).isFalse();
                }
            }
            checked.add(route);
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(20);
        for (String p : PUBLIC) {
            assertThat(gw.send("GET", p, null, Map.of()).status()).as(p).isEqualTo(200);
        }
    }
}
