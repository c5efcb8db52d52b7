package ai.openclaw.server.api.graphql;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.server.http.SseStream;
import ai.openclaw.session.ConversationService;
import com.fasterxml.jackson.core.JsonProcessingException;
import graphql.ExecutionResult;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The GraphQL dialect (seed 003 "GraphQL 支持") at {@code /graphql} and {@code /v2/graphql}: GraphQL over HTTP
 * ({@code POST} JSON {@code {query, variables, operationName}}, or {@code GET ?query=} for queries), graphql-sse in
 * distinct-connections mode ({@code Accept: text/event-stream}: {@code event: next} … {@code event: complete}),
 * graphql-transport-ws on the same paths' WebSocket upgrade, and the GraphiQL page for browsers ({@code GET} with
 * {@code Accept: text/html} and no query; it needs no credential). Authentication, scopes and rate limits are the
 * gateway's own filters; a request error (syntax, validation, depth or complexity) is HTTP 400 with
 * {@code {"errors":[{message, extensions:{code}}]}}; field errors come with 200 beside the data.
 */
public final class GraphqlRoutes {
    /** The paths served. */
    public static final List<String> PATHS = List.of("/graphql", "/v2/graphql");
    private final GraphqlEngine engine;
    private final long maxBodyBytes;
    private final ConversationService sessions;

    private GraphqlRoutes(GraphqlEngine engine, GatewayServices services) {
        this.engine = engine;
        this.maxBodyBytes = services.maxBodyBytes();
        this.sessions = services.conversations();
    }

    /**
     * Registers the routes and the WebSocket endpoint.
     *
     * @param prepare where to build the schema ahead of the first operation (start-up does not wait for it)
     * @return what to close when the gateway stops (the subscription workers)
     */
    public static AutoCloseable register(RoutesConfig routes, GatewayServices services,
                                         java.util.concurrent.Executor prepare) {
        GraphqlEngine engine = new GraphqlEngine(services, prepare);
        GraphqlRoutes r = new GraphqlRoutes(engine, services);
        GraphqlWebSocket ws = new GraphqlWebSocket(services, engine);
        for (String path : PATHS) {
            routes.post(path, r::post);
            routes.get(path, r::get);
            ws.register(routes, path);
        }
        return () -> {
            ws.close();
            engine.close();
        };
    }

    /**
     * Whether a request is a browser loading the GraphiQL page (served without credentials): {@code GET} of a
     * GraphQL path with {@code Accept: text/html}, no {@code query} parameter, and not a WebSocket upgrade.
     */
    public static boolean isPageRequest(Context ctx) {
        if (!PATHS.contains(ctx.path()) || !"GET".equals(ctx.method().name()) || ctx.queryParam("query") != null
                || ctx.header("Upgrade") != null) {
            return false;
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    }

    private void post(Context ctx) {
        GraphqlRequest request = GraphqlRequest.from(JsonBody.read(ctx, maxBodyBytes).node());
        respond(ctx, request);
    }

    private void get(Context ctx) {
        if (isPageRequest(ctx)) {
            ctx.attribute(Http.RENDERED, Boolean.TRUE);
            ctx.status(200).contentType("text/html; charset=utf-8").header("Cache-Control", "no-cache")
                    .result(GraphiqlPage.html());
            return;
        }
        String query = ctx.queryParam("query");
        if (query == null) {
            throw OpenClawException.invalid("query parameter 'query' is required (or POST {\"query\": …}); "
                    + "open this URL in a browser for GraphiQL");
        }
        GraphqlRequest request = GraphqlRequest.fromParams(query, ctx.queryParam("operationName"),
                ctx.queryParam("variables"), ctx.queryParam("extensions"));
        String kind = operationKind(request);
        if ("MUTATION".equals(kind)) {
            throw OpenClawException.invalid("mutations need POST; GET runs queries and subscriptions only");
        }
        respond(ctx, request);
    }

    /** The requested operation's kind ({@code QUERY}, {@code MUTATION}, {@code SUBSCRIPTION}), or null if unknown. */
    private static String operationKind(GraphqlRequest request) {
        try {
            Document doc = Parser.parse(request.query());
            for (OperationDefinition op : doc.getDefinitionsOfType(OperationDefinition.class)) {
                if (request.operationName() == null || request.operationName().equals(op.getName())) {
                    return op.getOperation().name();
                }
            }
        } catch (InvalidSyntaxException e) {
            // execution reports it
        }
        return null;
    }

    private void respond(Context ctx, GraphqlRequest request) {
        boolean sse = accepts(ctx, "text/event-stream");
        GraphqlCaller caller = new GraphqlCaller(Http.principal(ctx), sessions);
        ExecutionResult result = engine.execute(request, caller);
        if (!result.isDataPresent() && !result.getErrors().isEmpty()) {
            write(ctx, 400, GraphqlEngine.toSpec(result));
            return;
        }
        boolean subscription = result.getData() instanceof Publisher<?>;
        if (!sse) {
            if (subscription) {
                throw OpenClawException.invalid("a subscription needs 'Accept: text/event-stream' (graphql-sse) or "
                        + "a WebSocket with the graphql-transport-ws protocol");
            }
            write(ctx, 200, GraphqlEngine.toSpec(result));
            return;
        }
        SseStream stream = new SseStream(ctx);
        if (!subscription) {
            stream.event("next", json(GraphqlEngine.toSpec(result)));
            stream.event("complete", "");
            return;
        }
        @SuppressWarnings("unchecked")
        Publisher<ExecutionResult> events = (Publisher<ExecutionResult>) result.getData();
        stream(stream, events);
    }

    /** Writes a subscription's events on this (the request's) thread until it completes or the client goes. */
    private static void stream(SseStream sse, Publisher<ExecutionResult> events) {
        LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        Object done = new Object();
        Subscription[] subscription = new Subscription[1];
        events.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription s) {
                subscription[0] = s;
                s.request(1);
            }

            @Override
            public void onNext(ExecutionResult item) {
                queue.add(item);
            }

            @Override
            public void onError(Throwable t) {
                queue.add(t);
            }

            @Override
            public void onComplete() {
                queue.add(done);
            }
        });
        sse.comment("subscribed");
        try {
            while (!sse.clientGone()) {
                Object item = queue.poll(15, TimeUnit.SECONDS);
                if (item == null) {
                    sse.comment("keep-alive");
                } else if (item == done) {
                    sse.event("complete", "");
                    return;
                } else if (item instanceof Throwable t) {
                    OpenClawException e = t instanceof OpenClawException o ? o : OpenClawException.internal(
                            "the event stream failed", t);
                    sse.event("next", json(Map.of("errors", List.of(Json.MAPPER.convertValue(
                            ai.openclaw.server.http.ErrorMapper.graphqlError(e), Map.class)))));
                    sse.event("complete", "");
                    return;
                } else {
                    sse.event("next", json(GraphqlEngine.toSpec((ExecutionResult) item)));
                    subscription[0].request(1);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (subscription[0] != null) {
                subscription[0].cancel();
            }
        }
    }

    private static boolean accepts(Context ctx, String type) {
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(type);
    }

    private static void write(Context ctx, int status, Map<String, Object> body) {
        ctx.attribute(Http.RENDERED, Boolean.TRUE);
        Http.setOverhead(ctx);
        String type = accepts(ctx, "application/graphql-response+json") ? "application/graphql-response+json"
                : "application/json";
        ctx.status(status).contentType(type + "; charset=utf-8").result(json(body));
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw OpenClawException.internal("response could not be serialised", e);
        }
    }
}
