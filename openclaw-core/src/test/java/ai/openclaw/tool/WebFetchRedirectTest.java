package ai.openclaw.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.net.OutboundPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code web_fetch} over real sockets with a resolver of the test's own: in this test's world {@code 127.0.0.1}
 * ({@code public.test}) is public and {@code 127.0.0.2} ({@code private.test}) internal. A redirect to the internal
 * name is refused before it is fetched; a redirect to the public one is followed; a name is resolved once per hop and
 * the connection goes to the address that was checked, with the name as {@code Host}.
 */
class WebFetchRedirectTest {
    private HttpServer server;
    private int port;
    private final List<String> hits = new CopyOnWriteArrayList<>();
    private final AtomicInteger lookups = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            hits.add(ex.getRequestURI().getPath() + " host=" + ex.getRequestHeaders().getFirst("Host"));
            String path = ex.getRequestURI().getPath();
            if (path.startsWith("/to-")) {
                ex.getResponseHeaders().add("Location", "http://" + path.substring(4) + ".test:" + port + "/final");
                ex.sendResponseHeaders(302, -1);
            } else {
                byte[] b = ("reached " + path).getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
            }
            ex.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private WebFetchTool tool() {
        OutboundPolicy policy = new OutboundPolicy(false, host -> {
            lookups.incrementAndGet();
            return new InetAddress[] {InetAddress.getByName(host.equals("public.test") ? "127.0.0.1" : "127.0.0.2")};
        }, a -> a.getHostAddress().equals("127.0.0.2"));
        return new WebFetchTool(1024, Duration.ofSeconds(5), policy);
    }

    private JsonNode fetch(String url) throws Exception {
        return tool().execute(ToolJson.obj().put("url", url), null);
    }

    @Test
    void aRedirectToAPublicTargetIsFollowedAndOneToAnInternalOneIsRefused() throws Exception {
        JsonNode ok = fetch("http://public.test:" + port + "/to-public");
        assertThat(ok.path("status").asInt()).isEqualTo(200);
        assertThat(ok.path("content").asText()).isEqualTo("reached /final");
        assertThat(ok.path("url").asText()).isEqualTo("http://public.test:" + port + "/final");
        assertThat(hits).containsExactly("/to-public host=public.test:" + port, "/final host=public.test:" + port);
        assertThat(lookups.get()).isEqualTo(2);

        hits.clear();
        assertThatThrownBy(() -> fetch("http://public.test:" + port + "/to-private"))
                .isInstanceOfSatisfying(OpenClawException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
                    assertThat(e.getMessage()).contains("private.test is 127.0.0.2");
                });
        assertThat(hits).as("the internal target was never contacted").containsExactly("/to-private host=public.test:"
                + port);
        assertThatThrownBy(() -> fetch("http://private.test:" + port + "/direct")).isInstanceOf(
                OpenClawException.class);
        assertThat(hits).hasSize(1);
    }

    @Test
    void realLoopbackSpellingsAreRefusedWithoutAConnection() {
        WebFetchTool real = new WebFetchTool(null, 1024, Duration.ofSeconds(5), false);
        for (String host : new String[] {"127.0.0.1", "2130706433", "0177.0.0.1", "0x7f.1", "127.1", "[::1]",
                "[::ffff:127.0.0.1]", "[0:0:0:0:0:ffff:7f00:1]"}) {
            assertThatThrownBy(() -> real.execute(ToolJson.obj().put("url", "http://" + host + ":" + port + "/x"),
                    null)).as(host).isInstanceOfSatisfying(OpenClawException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        }
        assertThat(hits).isEmpty();
    }
}
