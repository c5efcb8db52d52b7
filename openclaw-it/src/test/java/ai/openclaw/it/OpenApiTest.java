package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.server.api.system.OpenApiRoutes;
import ai.openclaw.testkit.HttpResult;
import ai.openclaw.testkit.TestGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document (issue 16): it names exactly the gateway's registered routes (the failure lists every
 * missing and every stale one), swagger-parser finds no error in it, real responses validate against its
 * response schemas, and it and the reference page are served without credentials.
 */
class OpenApiTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    static TestGateway gw;
    static JsonNode doc;

    @BeforeAll
    static void start() throws Exception {
        gw = TestGateway.start("webhooks:\n  allowPrivateTargets: true\n");
        HttpResult r = gw.send("GET", "/openapi.json", null, Map.of());
        assertThat(r.status()).as("GET /openapi.json without credentials").isEqualTo(200);
        doc = new ObjectMapper().readTree(r.body());
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    /** {@code METHOD path} with Javalin's {@code <id>} written {@code {id}}. */
    static String normalise(String route) {
        return route.replaceAll("<([^>]+)>", "{$1}");
    }

    @Test
    void documentCoversExactlyTheRegisteredRoutes() throws Exception {
        Set<String> registered = new TreeSet<>();
        for (String route : gw.gateway().routes()) {
            String method = route.substring(0, route.indexOf(' '));
            if (!method.equals("HEAD") && !method.equals("OPTIONS")) {
                registered.add(normalise(route));
            }
        }
        Path dump = Path.of("target", "openapi-routes.txt");
        Files.createDirectories(dump.getParent());
        Files.write(dump, gw.gateway().routes());
        Set<String> documented = new TreeSet<>();
        doc.path("paths").properties().forEach(p -> p.getValue().properties().forEach(op -> {
            if (METHODS.contains(op.getKey()) && !op.getValue().path("x-websocket").asBoolean(false)) {
                documented.add(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + p.getKey());
            }
        }));
        Set<String> missing = new TreeSet<>(registered);
        missing.removeAll(documented);
        Set<String> stale = new TreeSet<>(documented);
        stale.removeAll(registered);
        long covered = registered.stream().filter(documented::contains).count();
        System.out.println("openapi coverage: " + covered + " / " + registered.size() + " registered routes documented, "
                + stale.size() + " documented routes not registered");
        assertThat(missing).as("registered routes missing from openapi.yaml (add them; scripts/openapi/skeleton.py "
                + "target/openapi-routes.txt prints skeletons)").isEmpty();
        assertThat(stale).as("routes in openapi.yaml that the gateway does not register").isEmpty();
    }

    @Test
    void swaggerParserFindsNoErrors() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult yaml = new OpenAPIV3Parser().readContents(OpenApiRoutes.yaml(), null, options);
        assertThat(yaml.getMessages()).as("swagger-parser messages for openapi.yaml").isEmpty();
        assertThat(yaml.getOpenAPI().getOpenapi()).startsWith("3.1");
        SwaggerParseResult json = new OpenAPIV3Parser().readContents(doc.toString(), null, options);
        assertThat(json.getMessages()).as("swagger-parser messages for /openapi.json").isEmpty();
        assertThat(json.getOpenAPI().getPaths()).hasSameSizeAs(yaml.getOpenAPI().getPaths());
    }

    @Test
    void realResponsesMatchTheirSchemas() {
        HttpResult chat = gw.post("/v1/chat/completions", "{\"model\": \"openclaw/main\", \"messages\": "
                + "[{\"role\": \"user\", \"content\": \"hello\"}], \"user\": \"openapi\"}");
        assertThat(chat.status()).as(chat.body()).isEqualTo(200);
        assertValid("/v1/chat/completions", "post", "200", chat);

        HttpResult created = gw.post("/v2/conversations", "{\"agentId\": \"main\", \"settings\": {\"maxTokens\": 64}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertValid("/v2/conversations", "post", "201", created);
        String id = created.json().path("id").asText();
        HttpResult sent = gw.post("/v2/conversations/" + id + "/messages", "{\"content\": \"hi\"}");
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertValid("/v2/conversations/{id}/messages", "post", "201", sent);
        HttpResult list = gw.get("/v2/conversations");
        assertThat(list.status()).isEqualTo(200);
        assertValid("/v2/conversations", "get", "200", list);
        assertValid("/v2/conversations/{id}/messages", "get", "200", gw.get("/v2/conversations/" + id + "/messages"));

        HttpResult message = gw.post("/api/v1/message", "{\"text\": \"hello\", \"session\": \"openapi\"}");
        assertThat(message.status()).as(message.body()).isEqualTo(200);
        assertValid("/api/v1/message", "post", "200", message);
        assertValid("/v1/models", "get", "200", gw.get("/v1/models"));
        assertValid("/health", "get", "200", gw.send("GET", "/health", null, Map.of()));

        HttpResult gatewayError = gw.get("/api/v1/sessions/no-such-session");
        assertThat(gatewayError.status()).isEqualTo(404);
        assertValid("/api/v1/sessions/{id}", "get", "404", gatewayError);
        HttpResult v2Error = gw.get("/v2/conversations/no-such-conversation");
        assertThat(v2Error.status()).isEqualTo(404);
        assertValid("/v2/conversations/{id}", "get", "404", v2Error);
        HttpResult openAiError = gw.post("/v1/chat/completions", "{\"model\": \"openclaw/main\"}");
        assertThat(openAiError.status()).isEqualTo(400);
        assertValid("/v1/chat/completions", "post", "400", openAiError);
        HttpResult unauthorized = gw.send("GET", "/v1/sessions", null, Map.of());
        assertThat(unauthorized.status()).isEqualTo(401);
        assertValid("/v1/sessions", "get", "401", unauthorized);
        HttpResult anthropicError = gw.post("/v1/messages", "{\"model\": \"openclaw/main\"}");
        assertThat(anthropicError.status()).isEqualTo(400);
        assertValid("/v1/messages", "post", "400", anthropicError);
    }

    @Test
    void resourceResponsesMatchTheirSchemas() {
        collected = new java.util.ArrayList<>();
        HttpResult agent = gw.post("/v2/agents", "{\"name\": \"openapi-agent\", \"systemPrompt\": \"be brief\"}");
        assertThat(agent.status()).as(agent.body()).isEqualTo(201);
        assertValid("/v2/agents", "post", "201", agent);
        assertValid("/v2/agents", "get", "200", gw.get("/v2/agents"));
        HttpResult memory = gw.post("/v2/memories", "{\"content\": \"likes short answers\", \"tags\": [\"pref\"]}");
        assertThat(memory.status()).as(memory.body()).isEqualTo(201);
        assertValid("/v2/memories", "post", "201", memory);
        assertValid("/v2/memories", "get", "200", gw.get("/v2/memories"));
        HttpResult session = gw.post("/v1/sessions", "{\"agent_id\": \"main\"}");
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        assertValid("/v1/sessions", "post", "201", session);
        HttpResult key = gw.post("/api/v1/keys", "{\"name\": \"openapi-key\", \"scopes\": [\"chat\"]}");
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        assertValid("/api/v1/keys", "post", "201", key);
        HttpResult job = gw.post("/api/v1/cron/jobs", "{\"name\": \"openapi-job\", \"schedule\": {\"kind\": \"every\", \"everyMs\": 86400000}, "
                + "\"payload\": {\"kind\": \"systemEvent\", \"text\": \"backup\"}}");
        assertThat(job.status()).as(job.body()).isEqualTo(201);
        assertValid("/api/v1/cron/jobs", "post", "201", job);
        assertValid("/api/v1/sessions", "get", "200", gw.get("/api/v1/sessions"));
        HttpResult hook = gw.post("/v2/webhooks", "{\"url\": \"http://127.0.0.1:9/hook\", \"events\": [\"task.completed\"]}");
        assertThat(hook.status()).as(hook.body()).isEqualTo(201);
        assertValid("/v2/webhooks", "post", "201", hook);
        assertValid("/v2/webhooks", "get", "200", gw.get("/v2/webhooks"));
        assertValid("/v1/sessions", "get", "200", gw.get("/v1/sessions"));
        assertValid("/v1/tasks", "get", "200", gw.get("/v1/tasks"));
        assertValid("/v2/tasks", "get", "200", gw.get("/v2/tasks"));
        assertValid("/v2/files", "get", "200", gw.get("/v2/files"));
        assertValid("/v2/batch", "post", "200", gw.post("/v2/batch", "{\"requests\": [{\"method\": \"GET\", "
                + "\"path\": \"/v2/agents\"}]}"));
        List<String> problems = collected;
        collected = null;
        assertThat(problems).as("responses that do not match their documented schema").isEmpty();
    }

    @Test
    void documentAndReferencePageNeedNoCredentials() throws Exception {
        HttpResult yaml = gw.send("GET", "/openapi.yaml", null, Map.of());
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(new YAMLMapper().readTree(yaml.body())).isEqualTo(doc);
        HttpResult page = gw.send("GET", "/docs", null, Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui", "/docs/init.js");
        assertThat(gw.send("GET", "/docs/init.js", null, Map.of()).body()).contains("/openapi.json");
        for (String asset : List.of("/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css")) {
            HttpResult r = gw.send("GET", asset, null, Map.of());
            assertThat(r.status()).as(asset).isEqualTo(200);
            assertThat(r.body().length()).as(asset).isGreaterThan(10_000);
        }
        assertThat(gw.send("GET", "/v2/conversations", null, Map.of()).status()).as("others still need auth")
                .isEqualTo(401);
    }

    /** When set, {@link #assertValid} collects schema violations here instead of failing at the first. */
    private static List<String> collected;

    /** Validates a response body against the document's schema for the operation and status (refs resolved). */
    private static void assertValid(String path, String method, String status, HttpResult response) {
        JsonNode resp = doc.path("paths").path(path).path(method).path("responses").path(status);
        assertThat(resp.isMissingNode()).as("documented: %s %s → %s", method, path, status).isFalse();
        if (resp.has("$ref")) {
            resp = doc.at(resp.get("$ref").asText().substring(1));
        }
        JsonNode schema = resp.path("content").path("application/json").path("schema");
        assertThat(schema.isMissingNode()).as("JSON schema of %s %s → %s", method, path, status).isFalse();
        ObjectNode root = doc.deepCopy();
        root.removeAll();
        root.set("components", doc.get("components"));
        root.set("allOf", new ObjectMapper().createArrayNode().add(schema));
        List<Error> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root)
                .validate(response.json());
        if (collected != null && !errors.isEmpty()) {
            collected.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path + " → " + status + ": " + errors
                    + " in " + response.body());
            return;
        }
        assertThat(errors).as("%s %s → %s: %s", method.toUpperCase(java.util.Locale.ROOT), path, status,
                response.body()).isEmpty();
    }
}
