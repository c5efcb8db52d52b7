package ai.openclaw.server.ws;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.StreamListener;
import ai.openclaw.llm.ToolCall;
import ai.openclaw.server.http.Json;
import ai.openclaw.session.ConversationService;
import ai.openclaw.session.TurnRequest;
import ai.openclaw.session.TurnResult;
import ai.openclaw.util.Ids;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * Taps every turn of a {@link ConversationService}, whichever dialect started it, into the {@link LiveHub}: a
 * {@code lifecycle} start, the {@code assistant} text deltas ({@code data: {text, delta}}, text cumulative), the
 * {@code tool} calls ({@code phase: start | result}) and a {@code lifecycle} end or error. A dynamic proxy, so the
 * service may gain methods without this class changing; only {@code runTurn} and {@code streamTurn} are tapped.
 */
public final class LiveTurns {
    /** The run id and run key ({@code Runs.key}) of the turn on this thread, or null. */
    private static final ThreadLocal<String[]> RUN_ID = new ThreadLocal<>();
    private final LiveHub hub;
    private final java.time.Clock clock;

    LiveTurns(LiveHub hub, java.time.Clock clock) {
        this.hub = hub;
        this.clock = clock;
    }

    /** Wraps {@code delegate}. */
    ConversationService wrap(ConversationService delegate) {
        return (ConversationService) Proxy.newProxyInstance(ConversationService.class.getClassLoader(),
                new Class<?>[] {ConversationService.class}, (proxy, method, args) -> invoke(delegate, method, args));
    }

    /** Runs {@code work} (a turn) under run id {@code runId} (key {@code runKey}), so its events carry it. */
    static <T> T withRun(String runId, String runKey, Supplier<T> work) {
        String[] before = RUN_ID.get();
        RUN_ID.set(new String[] {runId, runKey});
        try {
            return work.get();
        } finally {
            if (before == null) {
                RUN_ID.remove();
            } else {
                RUN_ID.set(before);
            }
        }
    }

    private Object invoke(ConversationService delegate, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> args[0] == delegate;
                case "hashCode" -> delegate.hashCode();
                default -> "LiveTurns(" + delegate + ")";
            };
        }
        boolean run = method.getName().equals("runTurn") && args != null && args.length == 1;
        boolean stream = method.getName().equals("streamTurn") && args != null && args.length == 2;
        if (!run && !stream) {
            return call(delegate, method, args);
        }
        TurnRequest request = (TurnRequest) args[0];
        String[] current = RUN_ID.get();
        String runId = current != null ? current[0] : Ids.newId("run");
        Tap tap = new Tap(request.sessionId(), runId, current != null ? current[1] : runId,
                stream ? (StreamListener) args[1] : null);
        tap.emit("lifecycle", Json.obj().put("phase", "start").put("startedAt", clock.millis()));
        try {
            Object result = stream ? delegate.streamTurn(request, tap) : delegate.runTurn(request);
            if (!stream && result instanceof TurnResult r && !r.reply().content().isEmpty()) {
                tap.onText(r.reply().content());
            }
            tap.emit("lifecycle", Json.obj().put("phase", "end").put("endedAt", clock.millis()));
            return result;
        } catch (RuntimeException e) {
            String message = e instanceof OpenClawException oe ? oe.getMessage() : "turn failed";
            tap.emit("lifecycle", Json.obj().put("phase", "error").put("error", message)
                    .put("endedAt", clock.millis()));
            throw e;
        }
    }

    private static Object call(ConversationService delegate, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The listener between the core and the caller's listener; also the run's event sequence. */
    private final class Tap implements StreamListener {
        private final String sessionId;
        private final String runId;
        private final String runKey;
        private final StreamListener inner;
        private final StringBuilder text = new StringBuilder();
        private long seq;

        Tap(String sessionId, String runId, String runKey, StreamListener inner) {
            this.sessionId = sessionId;
            this.runId = runId;
            this.runKey = runKey;
            this.inner = inner;
        }

        void emit(String stream, ObjectNode data) {
            seq++;
            if (hub.interested(sessionId, runKey)) {
                hub.agent(sessionId, runId, runKey, seq, stream, data);
            }
        }

        @Override
        public void onText(String delta) {
            text.append(delta);
            emit("assistant", Json.obj().put("text", text.toString()).put("delta", delta));
            if (inner != null) {
                inner.onText(delta);
            }
        }

        @Override
        public void onToolCallDelta(int index, String id, String name, String argumentsDelta) {
            if (inner != null) {
                inner.onToolCallDelta(index, id, name, argumentsDelta);
            }
        }

        @Override
        public void onToolCall(ToolCall call) {
            emit("tool", Json.obj().put("phase", "start").put("name", call.name()).put("tool", call.name())
                    .put("toolCallId", call.id()).put("args", call.argumentsJson()));
            if (inner != null) {
                inner.onToolCall(call);
            }
        }

        @Override
        public void onToolResult(ToolCall call, String result, boolean error, long millis) {
            emit("tool", Json.obj().put("phase", "result").put("name", call.name()).put("tool", call.name())
                    .put("toolCallId", call.id()).put("result", result).put("isError", error)
                    .put("durationMs", millis));
            if (inner != null) {
                inner.onToolResult(call, result, error, millis);
            }
            text.setLength(0);
        }
    }
}
