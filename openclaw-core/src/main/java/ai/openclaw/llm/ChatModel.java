package ai.openclaw.llm;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.error.UpstreamException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

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
     * Whether {@link #chat} itself ends by {@link ChatRequest#timeout()} (the whole exchange, reading the answer
     * included), so that a caller needs no watchdog thread of its own. False unless an adapter guarantees it.
     */
    default boolean honoursTimeout() {
        return false;
    }

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

    /**
     * Creates embeddings with one of the provider's own models, in the OpenAI Embeddings API's wire
     * ({@code POST /embeddings}): {@code request} is the client's body with {@code model} already rewritten to the
     * provider's bare model name, every other field as the client sent it; the answer is the provider's body,
     * unchanged. Providers without an embeddings endpoint keep this default.
     *
     * @param request the OpenAI embeddings request body; never null
     * @param timeout the most the call may take, retries included; never null
     * @return the provider's answer ({@code object: "list"}, {@code data[]}, {@code model}, {@code usage})
     * @throws OpenClawException INVALID_REQUEST naming {@code model} when the provider serves no embeddings
     * @throws UpstreamException UPSTREAM_ERROR when the provider fails (its 4xx keep their status), TIMEOUT when it
     *     does not answer within {@code timeout}
     */
    default JsonNode embeddings(ObjectNode request, Duration timeout) {
        throw OpenClawException.invalid("field 'model': this model provider serves no embeddings (only "
                + "openai-completions providers and the in-jar models do)");
    }
}
