package ai.openclaw.llm;

import ai.openclaw.error.UpstreamException;

/**
 * The port every model provider implements: one blocking call that answers a {@link ChatRequest},
 * whole or streamed. Implementations are thread-safe; callers run on virtual threads, so blocking is fine.
 */
public interface ChatModel {
    /**
     * Answers the request in one piece.
     *
     * @param request the call; never null
     * @return the complete answer with usage
     * @throws UpstreamException UPSTREAM_ERROR when the provider fails, TIMEOUT when it does not answer in
     *     {@link ChatRequest#timeout()}
     */
    ChatResponse chat(ChatRequest request);

    /**
     * Answers the request as a stream: {@code listener} receives the text as it arrives, and the method
     * returns the complete answer once the stream ends.
     *
     * @param request the call; never null
     * @param listener receives text deltas; never null
     * @return the complete answer with usage (text equals the concatenated deltas)
     * @throws UpstreamException UPSTREAM_ERROR when the provider fails (also mid-stream), TIMEOUT when it does
     *     not finish in {@link ChatRequest#timeout()}
     */
    ChatResponse stream(ChatRequest request, StreamListener listener);
}
