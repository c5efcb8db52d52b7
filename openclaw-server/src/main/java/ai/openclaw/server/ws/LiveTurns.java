package ai.openclaw.server.ws;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.StreamListener;
import ai.openclaw.llm.ToolCall;
import ai.openclaw.server.http.Json;
import ai.openclaw.session.ConversationService;
import ai.openclaw.session.ForwardingConversationService;
import ai.openclaw.session.TurnRequest;
import ai.openclaw.session.TurnResult;
import ai.openclaw.util.Ids;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;

/**
 * Taps every turn of a {@link ConversationService}, whichever dialect started it, into the {@link LiveHub}: a
 * {@code lifecycle} start, the {@code assistant} text deltas ({@code data: {text, delta}}, text cumulative), the
 * {@code tool} calls ({@code phase: start | result}) and a {@code lifecycle} end or error. Only {@code runTurn}
 * and {@code streamTurn} are tapped; every other call is forwarded ({@link ForwardingConversationService}).
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
        return new ForwardingConversationService(delegate) {
            @Override
            public TurnResult runTurn(TurnRequest request) {
                return tapped(delegate, request, null);
            }

            @Override
            public TurnResult streamTurn(TurnRequest request, StreamListener listener) {
                return tapped(delegate, request, listener);
            }
        };
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

    /** Runs one turn ({@code listener} null: not streamed), publishing its lifecycle, text and tool events. */
    private TurnResult tapped(ConversationService delegate, TurnRequest request, StreamListener listener) {
        boolean stream = listener != null;
        String[] current = RUN_ID.get();
        String runId = current != null ? current[0] : Ids.newId("run");
        Tap tap = new Tap(request.sessionId(), runId, current != null ? current[1] : runId,
                listener);
        long startedAt = clock.millis();
        tap.emit("lifecycle", () -> Json.obj().put("phase", "start").put("startedAt", startedAt));
        try {
            TurnResult result = stream ? delegate.streamTurn(request, tap) : delegate.runTurn(request);
            if (!stream && result != null && !result.reply().content().isEmpty()) {
                tap.onText(result.reply().content());
            }
            long endedAt = clock.millis();
            tap.emit("lifecycle", () -> Json.obj().put("phase", "end").put("endedAt", endedAt));
            return result;
        } catch (RuntimeException e) {
            String message = e instanceof OpenClawException oe ? oe.getMessage() : "turn failed";
            long endedAt = clock.millis();
            tap.emit("lifecycle", () -> Json.obj().put("phase", "error").put("error", message)
                    .put("endedAt", endedAt));
            throw e;
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

        /** Counts the event and, only when someone listens, builds its data and publishes it. */
        void emit(String stream, Supplier<ObjectNode> data) {
            seq++;
            if (hub.interested(sessionId, runKey)) {
                hub.agent(sessionId, runId, runKey, seq, stream, data.get());
            }
        }

        @Override
        public void onText(String delta) {
            text.append(delta);
            emit("assistant", () -> Json.obj().put("text", text.toString()).put("delta", delta));
            if (inner != null) {
                inner.onText(delta);
            }
        }

        @Override
        public void onReasoning(String delta) {
            if (inner != null) {
                inner.onReasoning(delta);
            }
        }

        @Override
        public void onRefusal(String delta) {
            if (inner != null) {
                inner.onRefusal(delta);
            }
        }

        @Override
        public void onLogprobs(com.fasterxml.jackson.databind.JsonNode logprobs) {
            if (inner != null) {
                inner.onLogprobs(logprobs);
            }
        }

        @Override
        public void onChoice(com.fasterxml.jackson.databind.JsonNode choice) {
            if (inner != null) {
                inner.onChoice(choice);
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
            emit("tool", () -> Json.obj().put("phase", "start").put("name", call.name()).put("tool", call.name())
                    .put("toolCallId", call.id()).put("args", call.argumentsJson()));
            if (inner != null) {
                inner.onToolCall(call);
            }
        }

        @Override
        public void onToolResult(ToolCall call, String result, boolean error, long millis) {
            emit("tool", () -> Json.obj().put("phase", "result").put("name", call.name()).put("tool", call.name())
                    .put("toolCallId", call.id()).put("result", result).put("isError", error)
                    .put("durationMs", millis));
            if (inner != null) {
                inner.onToolResult(call, result, error, millis);
            }
            text.setLength(0);
        }
    }
}
