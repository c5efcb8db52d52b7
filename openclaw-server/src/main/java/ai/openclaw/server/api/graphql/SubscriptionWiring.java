package ai.openclaw.server.api.graphql;

import ai.openclaw.auth.Scopes;
import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.event.DomainEvent;
import ai.openclaw.llm.StreamListener;
import ai.openclaw.llm.ToolCall;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.access.AccessControl;
import ai.openclaw.session.TurnRequest;
import ai.openclaw.session.TurnResult;
import ai.openclaw.task.Task;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions: {@code messageStream} (one turn, streamed), {@code taskProgress} (a task until it finishes) and
 * {@code sessionEvents} (a conversation's domain events). Each checks scope and ownership when it is requested, so
 * a refused or unknown id is an ordinary GraphQL error before any event; the events are produced on
 * {@code streams} once the transport subscribes.
 */
final class SubscriptionWiring {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionWiring.class);
    private final GatewayServices services;
    private final ExecutorService streams;

    SubscriptionWiring(GatewayServices services, ExecutorService streams) {
        this.services = services;
        this.streams = streams;
    }

    void wire(RuntimeWiring.Builder w) {
        w.type("Subscription", t -> t
                .dataFetcher("messageStream", this::messageStream)
                .dataFetcher("taskProgress", this::taskProgress)
                .dataFetcher("sessionEvents", this::sessionEvents));
    }

    private Publisher<Object> messageStream(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.CHAT);
        TurnRequest turn = ConversationWiring.turn(services, c, env.getArguments());
        return new QueuePublisher<>(streams, sink -> {
            StreamListener listener = new StreamListener() {
                @Override
                public void onText(String delta) {
                    sink.next(event("delta", "content", delta));
                }

                @Override
                public void onToolCall(ToolCall call) {
                    Map<String, Object> tool = new LinkedHashMap<>();
                    tool.put("id", call.id());
                    tool.put("name", call.name());
                    tool.put("arguments", call.argumentsJson());
                    sink.next(event("tool_call", "tool", tool));
                }

                @Override
                public void onToolResult(ToolCall call, String result, boolean error, long millis) {
                    Map<String, Object> tool = new LinkedHashMap<>();
                    tool.put("id", call.id());
                    tool.put("name", call.name());
                    tool.put("result", result);
                    tool.put("error", error);
                    tool.put("durationMs", millis);
                    sink.next(event("tool_result", "tool", tool));
                }
            };
            try {
                TurnResult r = AccessControl.callAs(c.principal(),
                        () -> services.conversations().streamTurn(turn, listener));
                Map<String, Object> done = event("done", "message", Views.message(r.reply()));
                done.put("usage", Views.usage(r.usage()));
                sink.next(done);
            } catch (RuntimeException e) {
                OpenClawException oe = e instanceof OpenClawException o ? o : null;
                if (oe == null) {
                    LOG.error("GraphQL messageStream turn failed unexpectedly", e);
                    oe = new OpenClawException(ErrorCode.INTERNAL_ERROR, "internal error; see the gateway log", null,
                            false, e);
                }
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("code", oe.code().name());
                error.put("message", oe.getMessage());
                sink.next(event("error", "error", error));
            }
            sink.complete();
        });
    }

    private static Map<String, Object> event(String type, String field, Object value) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", type);
        o.put(field, value);
        return o;
    }

    private Publisher<Object> taskProgress(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.TASKS);
        String id = env.getArgument("id");
        var tasks = services.background().tasks();
        LinkedBlockingQueue<Task> updates = new LinkedBlockingQueue<>();
        AutoCloseable watch = tasks.watch(id, c.owner(), updates::add);
        Task first;
        try {
            first = tasks.get(id, c.owner());
        } catch (RuntimeException e) {
            close(watch);
            throw e;
        }
        return new QueuePublisher<>(streams, sink -> {
            sink.onCancel(() -> close(watch));
            try {
                Task current = first;
                sink.next(Views.task(current));
                String last = current.status() + "/" + current.progress();
                while (!current.status().terminal() && !sink.cancelled()) {
                    Task next = updates.poll(15, TimeUnit.SECONDS);
                    if (next == null) {
                        continue;
                    }
                    current = next;
                    String key = current.status() + "/" + current.progress();
                    if (!key.equals(last)) {
                        sink.next(Views.task(current));
                        last = key;
                    }
                }
                sink.complete();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sink.complete();
            } finally {
                close(watch);
            }
        });
    }

    private Publisher<Object> sessionEvents(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.CHAT);
        String id = services.conversations().getSession(c.sessionId(env.getArgument("conversationId")), c.owner())
                .id();
        return new QueuePublisher<>(streams, sink -> {
            AutoCloseable subscription = services.events().subscribe(e -> {
                if (id.equals(e.data().get("session_id")) && e.visibleTo(c.ownerId(), c.principal().isAdmin())) {
                    sink.next(sessionEvent(e, id));
                }
            });
            sink.onCancel(() -> close(subscription));
        });
    }

    private static Map<String, Object> sessionEvent(DomainEvent e, String id) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", e.type());
        o.put("timestamp", e.timestamp());
        o.put("conversationId", id);
        o.put("messageId", e.data().get("message_id"));
        o.put("content", e.data().get("content"));
        o.put("data", e.data());
        return o;
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing a subscription's watch failed", e);
        }
    }
}
