package ai.openclaw.server.api.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The API's OpenAPI 3.1 document ({@code GET /openapi.yaml} as maintained in the resource
 * {@code openapi/openapi.yaml}, {@code GET /openapi.json} converted from it in the background at start) and its
 * reference page {@code GET /docs} (Swagger UI from the {@code org.webjars:swagger-ui} jar; nothing is fetched from
 * a CDN). All are served without credentials (issue 16).
 */
public final class OpenApiRoutes {
    /** The document's resource path on the class path. */
    public static final String RESOURCE = "/openapi/openapi.yaml";
    private static final String SWAGGER_UI = "/META-INF/resources/webjars/swagger-ui/5.34.1/";
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8");
    /** The paths served without authentication. */
    public static final Set<String> PUBLIC_PATHS = Set.of("/openapi.json", "/openapi.yaml", "/docs", "/docs/init.js",
            "/docs/swagger-ui.css", "/docs/swagger-ui-bundle.js");
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>OpenClaw gateway API</title>
              <link rel="stylesheet" href="/docs/swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/docs/swagger-ui-bundle.js"></script>
              <script src="/docs/init.js"></script>
            </body>
            </html>
            """;
    private static final String INIT = "window.ui = SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui', "
            + "deepLinking: true, persistAuthorization: false});\n";

    private OpenApiRoutes() {
    }

    /**
     * Reads the document (YAML) from the class path.
     *
     * @return the YAML text
     * @throws IllegalStateException when the resource is missing from the jar
     */
    public static String yaml() {
        return new String(resource(RESOURCE), StandardCharsets.UTF_8);
    }

    /**
     * Registers {@code /openapi.json}, {@code /openapi.yaml}, {@code /docs} and the page's assets.
     *
     * @param routes the router
     * @param prepare where to convert the document to JSON ahead of the first {@code GET /openapi.json} (start-up
     *     does not wait for it)
     * @throws IllegalStateException when the document is missing
     */
    public static void register(RoutesConfig routes, java.util.concurrent.Executor prepare) {
        String yaml = yaml();
        ai.openclaw.util.Deferred<byte[]> jsonBytes = ai.openclaw.util.Deferred.of("the OpenAPI JSON document",
                () -> json(yaml)).prepareOn(prepare);
        byte[] yamlBytes = yaml.getBytes(StandardCharsets.UTF_8);
        routes.get("/openapi.json", ctx -> serve(ctx, "application/json", jsonBytes.get()));
        routes.get("/openapi.yaml", ctx -> serve(ctx, "application/yaml; charset=utf-8", yamlBytes));
        routes.get("/docs", ctx -> serve(ctx, "text/html; charset=utf-8", PAGE.getBytes(StandardCharsets.UTF_8)));
        routes.get("/docs/init.js", ctx -> serve(ctx, "text/javascript; charset=utf-8",
                INIT.getBytes(StandardCharsets.UTF_8)));
        ASSETS.forEach((file, type) -> routes.get("/docs/" + file,
                ctx -> serve(ctx, type, resource(SWAGGER_UI + file))));
    }

    /**
     * The document converted to pretty-printed JSON.
     *
     * @throws IllegalStateException when it is not valid YAML
     */
    private static byte[] json(String yaml) {
        try {
            JsonNode tree = new YAMLMapper().readTree(yaml);
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("openapi/openapi.yaml is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static void serve(Context ctx, String type, byte[] body) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-cache");
        ctx.status(200).contentType(type).result(body);
    }

    private static byte[] resource(String path) {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
