package ai.openclaw.server.api.graphql;

import ai.openclaw.auth.Principal;
import ai.openclaw.auth.RequestPermit;
import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.access.AccessControl;
import ai.openclaw.server.http.ErrorMapper;
import ai.openclaw.server.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.ExecutionResult;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsConnectContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GraphQL over WebSocket, the {@code graphql-transport-ws} protocol (the {@code graphql-ws} library's): the client
 * sends {@code connection_init} (credential in the upgrade's headers or in the payload as {@code Authorization:
 * "Bearer …"} or {@code X-API-Key}), the server answers {@code connection_ack}; then {@code subscribe} runs any
 * operation — a subscription's events as {@code next} messages, then {@code complete}; {@code complete} from the
 * client stops one; {@code ping}/{@code pong}. Each operation is admitted by the caller's rate limits like an HTTP
 * request (a subscription also takes one of the key's stream slots while it runs). Protocol violations close the
 * socket with the protocol's codes: 4400 bad message, 4401 subscribe before ack, 4403 bad credentials, 4408 no
 * {@code connection_init} within 10 s, 4409 duplicate id, 4429 repeated init.
 */
final class GraphqlWebSocket {
    /** The WebSocket subprotocol. */
    static final String PROTOCOL = "graphql-transport-ws";
    private static final Logger LOG = LoggerFactory.getLogger(GraphqlWebSocket.class);

    private final GatewayServices services;
    private final GraphqlEngine engine;
    /** How long a socket may stay without {@code connection_init} before it is closed with 4408. */
    static final java.time.Duration INIT_TIMEOUT = java.time.Duration.ofSeconds(10);
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final java.util.concurrent.ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "openclaw-graphql-ws-timers");
                t.setDaemon(true);
                return t;
            });
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    GraphqlWebSocket(GatewayServices services, GraphqlEngine engine) {
        this.services = services;
        this.engine = engine;
    }

    /** Registers the WebSocket endpoint at {@code path}. */
    void register(RoutesConfig routes, String path) {
        routes.wsBeforeUpgrade(path, ctx -> {
            String offered = ctx.header("Sec-WebSocket-Protocol");
            if (offered != null && List.of(offered.split(",")).stream().map(String::strip)
                    .anyMatch(PROTOCOL::equals)) {
                ctx.header("Sec-WebSocket-Protocol", PROTOCOL);
            }
        });
        routes.ws(path, ws -> {
            ws.onConnect(ctx -> {
                ctx.session.setIdleTimeout(java.time.Duration.ofMinutes(10));
                Connection c = new Connection(ctx);
                connections.put(ctx.sessionId(), c);
                timers.schedule(c::initTimeout, INIT_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            });
            ws.onMessage(ctx -> {
                Connection c = connections.get(ctx.sessionId());
                if (c != null) {
                    c.onMessage(ctx.message());
                }
            });
            ws.onClose(ctx -> {
                Connection c = connections.remove(ctx.sessionId());
                if (c != null) {
                    c.closed();
                }
            });
            ws.onError(ctx -> {
                Connection c = connections.remove(ctx.sessionId());
                if (c != null) {
                    c.closed();
                }
            });
        });
    }

    /** Stops the workers. */
    void close() {
        timers.shutdownNow();
        workers.shutdownNow();
    }

    /** One socket's state. */
    private final class Connection {
        private final WsConnectContext ctx;
        private final String headerCredential;
        private final String address;
        private final Map<String, Operation> operations = new ConcurrentHashMap<>();
        private volatile String credential;
        private volatile boolean initialised;

        Connection(WsConnectContext ctx) {
            this.ctx = ctx;
            this.headerCredential = AccessControl.credential(ctx.header("Authorization"), ctx.header("X-API-Key"));
            this.address = ctx.session.getRemoteSocketAddress() instanceof InetSocketAddress a
                    ? a.getAddress().getHostAddress() : "unknown";
        }

        void initTimeout() {
            if (!initialised && ctx.session.isOpen()) {
                close(4408, "Connection initialisation timeout");
            }
        }

        void onMessage(String text) {
            JsonNode msg;
            try {
                msg = Json.MAPPER.readTree(text);
            } catch (IOException e) {
                close(4400, "Invalid message received: not JSON");
                return;
            }
            String type = msg.path("type").asText("");
            switch (type) {
                case "connection_init" -> init(msg.path("payload"));
                case "ping" -> send(pong(msg.path("payload")));
                case "pong" -> {
                }
                case "subscribe" -> subscribe(msg);
                case "complete" -> {
                    Operation op = operations.remove(msg.path("id").asText(""));
                    if (op != null) {
                        op.cancel();
                    }
                }
                default -> close(4400, "Invalid message received: unknown type '" + truncate(type) + "'");
            }
        }

        private ObjectNode pong(JsonNode payload) {
            ObjectNode o = Json.obj().put("type", "pong");
            if (payload.isObject()) {
                o.set("payload", payload);
            }
            return o;
        }

        private void init(JsonNode payload) {
            if (initialised) {
                close(4429, "Too many initialisation requests");
                return;
            }
            initialised = true;
            String credential = headerCredential;
            if (payload.isObject()) {
                String header = text(payload, "Authorization", "authorization");
                String key = text(payload, "X-API-Key", "x-api-key");
                String fromPayload = AccessControl.credential(header, key);
                if (fromPayload != null) {
                    credential = fromPayload;
                }
            }
            if (credential == null) {
                close(4403, "Forbidden: send 'Authorization: Bearer <token or API key>' or 'X-API-Key' in the "
                        + "upgrade request or the connection_init payload");
                return;
            }
            try {
                services.limits().checkAuthAllowed(address);
            } catch (OpenClawException e) {
                close(4429, "Too many failed authentications from this address");
                return;
            }
            Principal p = services.auth().authenticate(credential).orElse(null);
            if (p == null) {
                services.limits().authFailed(address);
                close(4403, "Forbidden: invalid, revoked or expired credentials");
                return;
            }
            this.credential = credential;
            send(Json.obj().put("type", "connection_ack"));
        }

        private void subscribe(JsonNode msg) {
            if (credential == null) {
                close(4401, "Unauthorized");
                return;
            }
            Principal p = services.auth().authenticate(credential).orElse(null);
            if (p == null) {
                close(4403, "Forbidden: the credential was revoked or has expired");
                return;
            }
            JsonNode idNode = msg.get("id");
            if (idNode == null || !idNode.isTextual() || idNode.textValue().isEmpty()) {
                close(4400, "Invalid message received: subscribe needs a string 'id'");
                return;
            }
            String id = idNode.textValue();
            GraphqlRequest request;
            try {
                request = GraphqlRequest.from(msg.get("payload"));
            } catch (OpenClawException e) {
                close(4400, "Invalid message received: " + truncate(e.getMessage()));
                return;
            }
            Operation op = new Operation(id);
            if (operations.putIfAbsent(id, op) != null) {
                close(4409, "Subscriber for " + truncate(id) + " already exists");
                return;
            }
            workers.execute(() -> op.run(p, request));
        }

        void closed() {
            operations.values().forEach(Operation::cancel);
            operations.clear();
        }

        void send(ObjectNode message) {
            String text;
            try {
                text = Json.MAPPER.writeValueAsString(message);
            } catch (IOException e) {
                throw new IllegalStateException("message not serialisable", e);
            }
            synchronized (this) {
                if (ctx.session.isOpen()) {
                    try {
                        ctx.send(text);
                    } catch (RuntimeException e) {
                        LOG.debug("GraphQL WebSocket send failed", e);
                    }
                }
            }
        }

        void close(int code, String reason) {
            closed();
            ctx.closeSession(code, reason.length() > 120 ? reason.substring(0, 120) : reason);
        }

        /** One running operation of this socket. */
        private final class Operation implements Subscriber<ExecutionResult> {
            private final String id;
            private volatile Subscription subscription;
            private volatile boolean cancelled;
            private RequestPermit permit;
            private AutoCloseable stream;

            Operation(String id) {
                this.id = id;
            }

            void run(Principal p, GraphqlRequest request) {
                try {
                    permit = services.limits().acquire(p);
                    ExecutionResult result = AccessControl.callAs(p, () -> engine.execute(request,
                            new GraphqlCaller(p, services.conversations())));
                    if (!result.isDataPresent() && !result.getErrors().isEmpty()) {
                        error(GraphqlEngine.toSpec(result).get("errors"));
                        return;
                    }
                    if (result.getData() instanceof Publisher<?> publisher) {
                        stream = services.limits().openStream(p);
                        @SuppressWarnings("unchecked")
                        Publisher<ExecutionResult> events = (Publisher<ExecutionResult>) publisher;
                        events.subscribe(this);
                        return;
                    }
                    next(result);
                    complete(true);
                } catch (OpenClawException e) {
                    error(List.of(Json.MAPPER.convertValue(ErrorMapper.graphqlError(e), Map.class)));
                } catch (RuntimeException e) {
                    LOG.error("GraphQL WebSocket operation failed unexpectedly", e);
                    error(List.of(Map.of("message", "internal error; the gateway log has the details",
                            "extensions", Map.of("code", ErrorCode.INTERNAL_ERROR.name()))));
                }
            }

            private void next(ExecutionResult result) {
                ObjectNode msg = Json.obj().put("type", "next").put("id", id);
                msg.set("payload", Json.MAPPER.valueToTree(GraphqlEngine.toSpec(result)));
                send(msg);
            }

            private void error(Object errors) {
                release();
                if (operations.remove(id) != null && !cancelled) {
                    ObjectNode msg = Json.obj().put("type", "error").put("id", id);
                    msg.set("payload", Json.MAPPER.valueToTree(errors));
                    send(msg);
                }
            }

            private void complete(boolean tell) {
                release();
                if (operations.remove(id) != null && tell && !cancelled) {
                    send(Json.obj().put("type", "complete").put("id", id));
                }
            }

            void cancel() {
                cancelled = true;
                Subscription s = subscription;
                if (s != null) {
                    s.cancel();
                }
                release();
            }

            private synchronized void release() {
                if (permit != null) {
                    permit.close();
                    permit = null;
                }
                if (stream != null) {
                    try {
                        stream.close();
                    } catch (Exception e) {
                        // releasing a semaphore cannot fail
                    }
                    stream = null;
                }
            }

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                if (cancelled) {
                    s.cancel();
                } else {
                    s.request(1);
                }
            }

            @Override
            public void onNext(ExecutionResult item) {
                if (!cancelled) {
                    next(item);
                    subscription.request(1);
                }
            }

            @Override
            public void onError(Throwable t) {
                OpenClawException e = t instanceof OpenClawException o ? o
                        : new OpenClawException(ErrorCode.INTERNAL_ERROR, "the event stream failed", null, false, t);
                if (!(t instanceof OpenClawException)) {
                    LOG.error("GraphQL subscription {} failed", id, t);
                }
                error(List.of(Json.MAPPER.convertValue(ErrorMapper.graphqlError(e), Map.class)));
            }

            @Override
            public void onComplete() {
                complete(true);
            }
        }
    }

    private static String text(JsonNode o, String... names) {
        for (String n : names) {
            JsonNode v = o.get(n);
            if (v != null && v.isTextual()) {
                return v.textValue();
            }
        }
        return null;
    }

    private static String truncate(String s) {
        return s == null ? "" : s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
