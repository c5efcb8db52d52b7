package ai.openclaw.server.ws;

import ai.openclaw.auth.Principal;
import ai.openclaw.device.DeviceService;
import ai.openclaw.device.DeviceStore;
import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.error.RateLimitException;
import ai.openclaw.event.EventBus;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.access.AccessControl;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.session.ConversationService;
import ai.openclaw.util.Ids;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsMessageContext;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenClaw's WebSocket gateway protocol (protocol 4, as spoken by {@code openclaw-node} 0.14 and OpenClaw's Control
 * UI) on the HTTP port, at {@code /} and {@code /ws}. Frames: {@code {type:"req", id, method, params}},
 * {@code {type:"res", id, ok, payload | error}}, {@code {type:"event", event, payload, seq}}. The server opens with
 * {@code event connect.challenge {nonce, ts}}; the first request must be {@code connect} ({@link Handshake}); then
 * the methods of {@link WsMethods}. A thin adapter: every method runs on the same core services as HTTP.
 */
public final class WsGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("openclaw.ws");
    /** Upgrade request attribute: the client address. */
    private static final String ADDRESS = "openclaw.ws.address";
    /** Upgrade request attribute: whether the client is a direct loopback one. */
    private static final String LOCAL = "openclaw.ws.local";

    private final Clock clock;
    private final LiveHub hub;
    private final LiveTurns live;
    private final Runs runs;
    private final Map<String, WsClient> clients = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perPrincipal = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("openclaw-ws-", 0).factory());
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "openclaw-ws-timers");
        t.setDaemon(true);
        return t;
    });
    private GatewayServices services;
    private WsSettings settings;
    private Handshake handshake;
    private DeviceService devices;
    private final WsMethods methods = new WsMethods();

    private WsGateway(EventBus events, Clock clock) {
        this.clock = clock;
        this.hub = new LiveHub(events, clock);
        this.live = new LiveTurns(hub, clock);
        this.runs = new Runs(clock);
    }

    /**
     * Creates the protocol's live-event hub (before the services are wired, so every turn can be tapped).
     *
     * @param events the domain event bus
     * @param clock the time source
     */
    public static WsGateway create(EventBus events, Clock clock) {
        return new WsGateway(events, clock);
    }

    /** Wraps the conversation service so that every turn, whichever dialect started it, feeds live events. */
    public ConversationService tap(ConversationService conversations) {
        return live.wrap(conversations);
    }

    /**
     * Completes the wiring once the services exist.
     *
     * @param gatewayServices the services every dialect uses
     * @param deviceStore where devices and pairing requests are kept
     * @param secret the server secret device tokens are derived from (the gateway token)
     */
    public void bind(GatewayServices gatewayServices, DeviceStore deviceStore, String secret) {
        this.services = gatewayServices;
        this.settings = WsSettings.from(gatewayServices.config());
        this.devices = DeviceService.create(deviceStore, secret, clock);
        this.handshake = new Handshake(gatewayServices.auth(), devices, gatewayServices.limits(), clock,
                settings.signatureSkewMs());
        new GatewayMethods(gatewayServices, clients::size).register(methods);
        new ChatMethods(gatewayServices, runs, hub, executor).register(methods);
        new SessionMethods(gatewayServices, hub).register(methods);
        new AdminMethods(gatewayServices, devices).register(methods);
    }

    /** The device pairing service (for the CLI and tests). */
    public DeviceService devices() {
        return devices;
    }

    /** WebSocket endpoints that other dialects serve (GraphQL's graphql-transport-ws), left alone by the catch-all. */
    private static final java.util.Set<String> OTHER_ENDPOINTS = java.util.Set.of("/graphql", "/v2/graphql");

    /**
     * Registers the endpoints and Jetty's WebSocket limits.
     *
     * @param cfg the Javalin config being built
     * @param access the HTTP front door (client address rules, incl. trusted proxies)
     */
    public void register(JavalinConfig cfg, AccessControl access) {
        cfg.jetty.modifyWebSocketServletFactory(f -> {
            f.setMaxTextMessageSize(settings.maxFrameBytes());
            f.setMaxBinaryMessageSize(1024);
            f.setIdleTimeout(Duration.ofMillis(settings.idleTimeoutMs()));
        });
        // Javalin snapshots the servlet session of every upgrade request, which would create one and send a
        // JSESSIONID cookie: the gateway has no servlet sessions, so no cookie is sent and the session is dropped
        cfg.jetty.modifyServletContextHandler(h -> {
            if (h.getSessionHandler() != null) {
                h.getSessionHandler().setUsingCookies(false);
            }
        });
        cfg.routes.wsBeforeUpgrade("/*", ctx -> guarded(ctx, () -> beforeUpgrade(ctx, access)));
        cfg.routes.wsAfterUpgrade("/*", ctx -> {
            var session = ctx.req().getSession(false);
            if (session != null) {
                session.invalidate();
            }
        });
        for (String path : new String[] {"/", "/ws"}) {
            cfg.routes.ws(path, ws -> {
                ws.onConnect(this::onConnect);
                ws.onMessage(this::onMessage);
                ws.onClose(this::onClose);
                ws.onError(ctx -> LOG.debug("websocket error: {}", String.valueOf(ctx.error())));
            });
        }
        cfg.routes.ws("/*", ws -> ws.onConnect(ctx -> ctx.closeSession(1008, "no endpoint")));
    }

    /**
     * Runs an upgrade check; a refusal is written here, in the JSON error envelope with the request id (Javalin does
     * not write a response body for a refused upgrade), and rethrown so the upgrade does not happen.
     */
    private static void guarded(Context ctx, Runnable check) {
        String requestId = ctx.header("X-Request-ID");
        if (requestId == null || !Ids.isSafeId(requestId)) {
            requestId = Ids.newId("req");
        }
        ctx.res().setHeader("X-Request-ID", requestId);
        ctx.res().setHeader("OpenClaw-Version", ai.openclaw.server.http.Http.API_VERSION);
        try {
            check.run();
        } catch (OpenClawException e) {
            try {
                byte[] body = Json.MAPPER.writeValueAsBytes(ai.openclaw.server.http.ErrorMapper.body(
                        ai.openclaw.server.http.Dialect.PLAIN, e));
                ctx.res().setStatus(e.code().httpStatus());
                ctx.res().setContentType("application/json; charset=utf-8");
                ctx.res().setContentLength(body.length);
                ctx.res().getOutputStream().write(body);
                ctx.res().flushBuffer();
            } catch (java.io.IOException io) {
                // the client went away
            }
            throw e;
        }
    }

    /** The HTTP side of an upgrade: request id, and the client's address and locality for pairing. */
    private void beforeUpgrade(Context ctx, AccessControl access) {
        if (OTHER_ENDPOINTS.contains(ctx.path())) {
            return;
        }
        if (!ctx.path().equals("/") && !ctx.path().equals("/ws")) {
            throw new OpenClawException(ErrorCode.NOT_FOUND, "no WebSocket endpoint at " + ctx.path()
                    + "; the gateway protocol is served at / and /ws", null, false, null);
        }
        String address = access.clientAddress(ctx);
        String peer = ctx.req().getRemoteAddr();
        boolean forwarded = ctx.header("X-Forwarded-For") != null || ctx.header("X-Real-IP") != null
                || ctx.header("Forwarded") != null;
        boolean local = isLoopback(address) && isLoopback(peer) && (!forwarded || !address.equals(peer));
        ctx.attribute(ADDRESS, address);
        ctx.attribute(LOCAL, local);
    }

    static boolean isLoopback(String address) {
        return address != null && (address.startsWith("127.") || address.equals("::1")
                || address.equals("0:0:0:0:0:0:0:1") || address.equals("[::1]"));
    }

    private void onConnect(WsConnectContext ctx) {
        String address = ctx.attribute(ADDRESS);
        Boolean local = ctx.attribute(LOCAL);
        if (address == null && ctx.session.getRemoteSocketAddress() instanceof InetSocketAddress isa) {
            address = isa.getAddress().getHostAddress();
        }
        WsClient client = new WsClient(ctx.sessionId(), ctx.session, Ids.newSecret(32), address,
                Boolean.TRUE.equals(local), settings.maxQueuedFrames());
        clients.put(client.id(), client);
        ctx.enableAutomaticPings(settings.pingMs(), TimeUnit.MILLISECONDS);
        client.event("connect.challenge", Json.obj().put("nonce", client.nonce()).put("ts", clock.millis()));
        timers.schedule(() -> {
            if (!client.connected() && client.isOpen()) {
                client.close(1008, "handshake timeout: send connect first");
            }
        }, settings.handshakeTimeoutMs(), TimeUnit.MILLISECONDS);
    }

    private void onClose(WsCloseContext ctx) {
        WsClient client = clients.remove(ctx.sessionId());
        if (client != null) {
            client.released();
            hub.remove(client);
        }
    }

    private void onMessage(WsMessageContext ctx) {
        WsClient client = clients.get(ctx.sessionId());
        if (client == null || !client.isOpen()) {
            return;
        }
        JsonNode frame;
        try {
            frame = Json.MAPPER.readTree(ctx.message());
        } catch (Exception e) {
            client.close(1008, "invalid frame: not JSON");
            return;
        }
        JsonNode id = frame == null ? null : frame.get("id");
        if (frame == null || !frame.isObject() || !"req".equals(frame.path("type").asText())
                || id == null || !id.isTextual() || !frame.path("method").isTextual()) {
            if (id != null && id.isTextual()) {
                client.error(id.asText(), OpenClawException.invalid("invalid request frame: expected {type:\"req\", "
                        + "id, method, params}"));
            } else {
                client.close(1008, "invalid request frame");
            }
            return;
        }
        String method = frame.get("method").asText();
        JsonNode paramsNode = frame.get("params");
        if (paramsNode != null && !paramsNode.isNull() && !paramsNode.isObject()) {
            client.error(id.asText(), OpenClawException.invalid("params must be an object"));
            return;
        }
        JsonBody params = JsonBody.of(paramsNode == null || paramsNode.isNull() ? Json.obj() : (ObjectNode) paramsNode);
        WsCall call = new WsCall(client, id.asText(), method, params, services.conversations());
        if (!client.connected()) {
            connect(call);
            return;
        }
        if (method.equals("connect")) {
            client.error(call.id(), OpenClawException.invalid("already connected"));
            return;
        }
        executor.execute(() -> dispatch(call));
    }

    private void connect(WsCall call) {
        WsClient client = call.client();
        if (!call.method().equals("connect")) {
            client.error(call.id(), OpenClawException.invalid("the first request must be connect"));
            client.close(1008, "the first request must be connect");
            return;
        }
        Handshake.Result r;
        try {
            r = handshake.connect(call.params(), client);
        } catch (Handshake.PairingRequired e) {
            ObjectNode details = Json.obj().put("requestId", e.requestId);
            client.error(call.id(), new OpenClawException(ErrorCode.FORBIDDEN, "pairing required",
                    details.toString(), false, null));
            client.close(1008, e.getMessage());
            return;
        } catch (OpenClawException e) {
            client.error(call.id(), e);
            client.close(1008, e.code() == ErrorCode.UNAUTHORIZED ? "unauthorized" : e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.error("connect failed", e);
            client.error(call.id(), OpenClawException.internal("connect failed; see the gateway log", e));
            client.close(1011, "internal error");
            return;
        }
        Principal p = r.principal();
        int max = p.isAdmin() && p.id().equals("gateway") ? settings.maxConnectionsGatewayToken()
                : settings.maxConnectionsPerKey();
        AtomicInteger open = perPrincipal.computeIfAbsent(p.id(), k -> new AtomicInteger());
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            client.error(call.id(), new RateLimitException("too many WebSocket connections for this credential (max "
                    + max + ")", 5));
            client.close(1013, "too many connections");
            return;
        }
        client.authenticated(p, r.device() == null ? null : r.device().id(), r.scopes(), open::decrementAndGet);
        client.ok(call.id(), hello(client, r));
    }

    private ObjectNode hello(WsClient client, Handshake.Result r) {
        ObjectNode h = Json.obj().put("type", "hello-ok").put("protocol", Handshake.PROTOCOL);
        h.putObject("server").put("version", services.version()).put("connId", client.id());
        ObjectNode features = h.putObject("features");
        ArrayNode m = features.putArray("methods");
        methods.names().forEach(m::add);
        ArrayNode ev = features.putArray("events");
        for (String e : new String[] {"connect.challenge", "agent", "chat", "session.message"}) {
            ev.add(e);
        }
        ObjectNode snapshot = h.putObject("snapshot");
        snapshot.putArray("presence");
        snapshot.putObject("health");
        snapshot.putObject("stateVersion").put("presence", 0).put("health", 0);
        snapshot.put("uptimeMs", clock.millis() - services.startedAt().toEpochMilli());
        snapshot.putObject("sessionDefaults").put("defaultAgentId", "main").put("mainKey", ChatMethods.MAIN)
                .put("mainSessionKey", ChatMethods.MAIN);
        ObjectNode auth = h.putObject("auth").put("role", r.role());
        ArrayNode scopes = auth.putArray("scopes");
        r.scopes().forEach(scopes::add);
        if (r.deviceToken() != null) {
            auth.put("deviceToken", r.deviceToken()).put("issuedAtMs", clock.millis());
        }
        h.putObject("policy").put("maxPayload", settings.maxFrameBytes())
                .put("maxBufferedFrames", settings.maxQueuedFrames()).put("tickIntervalMs", settings.pingMs());
        return h;
    }

    private void dispatch(WsCall call) {
        WsClient client = call.client();
        try (var permit = services.limits().acquire(client.principal())) {
            JsonNode payload = AccessControl.callAs(client.principal(),
                    () -> methods.dispatch(call, client.scopes()));
            if (payload != null) {
                client.ok(call.id(), payload);
            }
        } catch (OpenClawException e) {
            client.error(call.id(), e);
        } catch (RuntimeException e) {
            LOG.error("method {} failed", call.method(), e);
            client.error(call.id(), OpenClawException.internal("internal error; the gateway log has the details", e));
        }
    }

    /** How many sockets are open. */
    public int connections() {
        return clients.size();
    }

    @Override
    public void close() {
        for (WsClient c : clients.values()) {
            c.close(1001, "gateway shutting down");
        }
        hub.close();
        timers.shutdownNow();
        executor.shutdownNow();
    }
}
