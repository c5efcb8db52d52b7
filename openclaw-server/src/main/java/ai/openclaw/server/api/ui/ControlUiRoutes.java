package ai.openclaw.server.api.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * The Control UI: a plain-JavaScript single-page app served from the jar ({@code /control-ui/} resources; no build
 * step, no third-party code). It is public (the page itself holds no data); everything it shows comes from the
 * WebSocket protocol and the REST APIs with the token or API key the user logs in with.
 */
public final class ControlUiRoutes {
    /** The paths served without credentials. */
    public static final Set<String> PUBLIC_PATHS = Set.of("/", "/ui", "/ui/app.js", "/ui/app.css");
    private static final Map<String, String> TYPES = Map.of("index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8", "app.css", "text/css; charset=utf-8");
    private static final String CSP = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private ControlUiRoutes() {
    }

    /** Registers {@code GET /}, {@code /ui} and the assets. */
    public static void register(RoutesConfig routes) {
        routes.get("/", ctx -> serve(ctx, "index.html"));
        routes.get("/ui", ctx -> serve(ctx, "index.html"));
        routes.get("/ui/app.js", ctx -> serve(ctx, "app.js"));
        routes.get("/ui/app.css", ctx -> serve(ctx, "app.css"));
    }

    private static void serve(Context ctx, String file) {
        byte[] body;
        try (InputStream in = ControlUiRoutes.class.getResourceAsStream("/control-ui/" + file)) {
            if (in == null) {
                throw new IllegalStateException("control-ui/" + file + " is missing from the jar");
            }
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-cache");
        ctx.status(200).contentType(TYPES.get(file)).result(body);
    }
}
