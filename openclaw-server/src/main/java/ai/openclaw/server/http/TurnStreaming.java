package ai.openclaw.server.http;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.session.ConversationService;
import ai.openclaw.session.TurnRequest;
import ai.openclaw.session.TurnResult;
import io.javalin.http.Context;
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
        try {
            TurnResult result = conversations.streamTurn(request, delta -> sse.json(deltaEvent.apply(delta)));
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
}
