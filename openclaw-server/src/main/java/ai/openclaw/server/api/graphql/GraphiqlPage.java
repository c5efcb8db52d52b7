package ai.openclaw.server.api.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The GraphiQL IDE as one self-contained HTML page (React, GraphiQL and its CSS inlined from the vendored npm builds
 * under {@code graphiql/}, see its README for versions and licences), so it works with no network. The page itself
 * holds no secret; its requests carry the credential the user enters in GraphiQL's Headers tab.
 */
final class GraphiqlPage {
    private static volatile byte[] page;

    private GraphiqlPage() {
    }

    /** The page's bytes (built once). */
    static byte[] html() {
        byte[] p = page;
        if (p == null) {
            p = build().getBytes(StandardCharsets.UTF_8);
            page = p;
        }
        return p;
    }

    private static String build() {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>OpenClaw GraphQL</title>\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<style>html,body,#graphiql{height:100%;margin:0;width:100%;overflow:hidden}</style>\n"
                + "<style>" + resource("graphiql.min.css") + "</style>\n"
                + "</head><body><div id=\"graphiql\">Loading GraphiQL…</div>\n"
                + script(resource("react.production.min.js"))
                + script(resource("react-dom.production.min.js"))
                + script(resource("graphiql.min.js"))
                + script("""
                        const url = window.location.pathname;
                        const fetcher = GraphiQL.createFetcher({ url });
                        ReactDOM.createRoot(document.getElementById('graphiql')).render(
                          React.createElement(GraphiQL, {
                            fetcher,
                            defaultEditorToolbarOpen: true,
                            shouldPersistHeaders: false,
                            headers: JSON.stringify({ Authorization: 'Bearer <gateway token or API key>' }, null, 2),
                            defaultQuery: '# OpenClaw gateway GraphQL. Put your token or API key in Headers below.\\n'
                              + '{\\n  status { version defaultModel activeSessions }\\n'
                              + '  conversations(first: 5) { totalCount nodes { id title messageCount } }\\n}\\n'
                          }));
                        """)
                + "</body></html>\n";
    }

    private static String script(String js) {
        return "<script>" + js.replace("</script", "<\\/script") + "</script>\n";
    }

    private static String resource(String name) {
        try (InputStream in = GraphiqlPage.class.getResourceAsStream("/graphiql/" + name)) {
            if (in == null) {
                throw new IllegalStateException("graphiql/" + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
