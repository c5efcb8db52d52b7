package ai.openclaw.server.http;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.StreamListener;
import ai.openclaw.llm.ToolCall;
import ai.openclaw.session.ConversationService;
import ai.openclaw.session.TurnRequest;
import ai.openclaw.session.TurnResult;
import io.javalin.http.Context;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * Runs a turn as an SSE response: each text delta becomes one event in the dialect's shape; a failure before the
 * first event becomes an ordinary error response, a failure after it an error event (never a silent cut-off).
 */
public final class TurnStreaming {
    private TurnStreaming() {
    }

    /**
     * Streams a turn.
     *
     * @param ctx the request
     * @param sse the response stream
     * @param conversations the service
     * @param request the turn
     * @param deltaEvent maps a text delta to the event object written as {@code data:}
     * @param errorEvent maps a mid-stream failure to the event object written as {@code data:}
     * @return the stored turn, or null when it failed after the stream started (the error event was sent)
     * @throws OpenClawException when the turn fails before any event was sent
     */
    public static TurnResult run(Context ctx, SseStream sse, ConversationService conversations, TurnRequest request,
                                 Function<String, Object> deltaEvent, Function<OpenClawException, Object> errorEvent) {
        return run(ctx, sse, conversations, request, deltaEvent, errorEvent, TurnStreaming::toolEvent);
    }

    /**
     * Streams a turn of the agent loop: text deltas, and a tool event for each tool call started and finished.
     *
     * @param toolEvent maps a tool event (from {@link #toolCallEvent}/{@link #toolResultEvent}) to the object written
     *     as {@code data:}, or to null to skip it
     * @return as {@link #run(Context, SseStream, ConversationService, TurnRequest, Function, Function)}
     */
    public static TurnResult run(Context ctx, SseStream sse, ConversationService conversations, TurnRequest request,
                                 Function<String, Object> deltaEvent, Function<OpenClawException, Object> errorEvent,
                                 Function<ObjectNode, Object> toolEvent) {
        StreamListener listener = new StreamListener() {
            @Override
            public void onText(String delta) {
                sse.json(deltaEvent.apply(delta));
            }

            @Override
            public void onToolCall(ToolCall call) {
                Object e = toolEvent.apply(toolCallEvent(call));
                if (e != null) {
                    sse.json(e);
                }
            }

            @Override
            public void onToolResult(ToolCall call, String result, boolean error, long millis) {
                Object e = toolEvent.apply(toolResultEvent(call, result, error, millis));
                if (e != null) {
                    sse.json(e);
                }
            }
        };
        return runWith(ctx, sse, conversations, request, listener, errorEvent);
    }

    /**
     * Streams a turn with a caller-made listener (e.g. the OpenAI dialect's {@code tool_calls} deltas).
     *
     * @return as {@link #run(Context, SseStream, ConversationService, TurnRequest, Function, Function)}
     */
    public static TurnResult runWith(Context ctx, SseStream sse, ConversationService conversations,
                                     TurnRequest request, StreamListener listener,
                                     Function<OpenClawException, Object> errorEvent) {
        try {
            TurnResult result = conversations.streamTurn(request, listener);
            Http.addProviderTime(ctx, result.providerNanos());
            return result;
        } catch (RuntimeException e) {
            if (!sse.started()) {
                throw e;
            }
            OpenClawException error = ErrorMapper.toOpenClaw(e, ctx);
            sse.json(errorEvent.apply(error));
            return null;
        }
    }

    /** {@code {"type":"tool_call","toolCall":{id,name,arguments}}}: a tool call is starting. */
    public static ObjectNode toolCallEvent(ToolCall call) {
        ObjectNode o = Json.obj().put("type", "tool_call");
        o.putObject("toolCall").put("id", call.id()).put("name", call.name()).put("arguments", call.argumentsJson());
        return o;
    }

    /** {@code {"type":"tool_result","toolResult":{id,name,result,error,durationMs}}}: a tool call finished. */
    public static ObjectNode toolResultEvent(ToolCall call, String result, boolean error, long millis) {
        ObjectNode o = Json.obj().put("type", "tool_result");
        o.putObject("toolResult").put("id", call.id()).put("name", call.name()).put("result", result)
                .put("error", error).put("durationMs", millis);
        return o;
    }

    private static Object toolEvent(ObjectNode event) {
        return event;
    }
}
