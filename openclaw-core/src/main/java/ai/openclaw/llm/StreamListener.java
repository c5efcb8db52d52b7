package ai.openclaw.llm;

/**
 * Receives a streamed answer piece by piece, on the thread that called
 * {@link ChatModel#stream(ChatRequest, StreamListener)} or on a provider thread; calls never overlap.
 * Only {@link #onText} is required; the tool-call methods default to doing nothing.
 */
@FunctionalInterface
public interface StreamListener {
    /**
     * Called with each new piece of answer text, in order; the pieces concatenate to the full text.
     *
     * @param delta a non-empty piece of text
     */
    void onText(String delta);

    /**
     * Called as a tool call's arguments arrive in fragments (providers that stream tool calls).
     *
     * @param index the call's position in the answer, from 0
     * @param id the call id, or null when not yet known
     * @param name the tool name, or null when not yet known
     * @param argumentsDelta the next fragment of the arguments JSON; never null (may be empty)
     */
    default void onToolCallDelta(int index, String id, String name, String argumentsDelta) {
    }

    /**
     * Called with each piece of the model's visible reasoning (Anthropic thinking, DeepSeek
     * {@code reasoning_content}), in order.
     *
     * @param delta a non-empty piece of reasoning text
     */
    default void onReasoning(String delta) {
    }

    /**
     * Called with each piece of a refusal (OpenAI {@code delta.refusal}), in order.
     *
     * @param delta a non-empty piece of the refusal text
     */
    default void onRefusal(String delta) {
    }

    /**
     * Called with the log probabilities of the tokens just streamed (OpenAI {@code choices[].logprobs}).
     *
     * @param logprobs OpenAI's {@code logprobs} object for this chunk; never null
     */
    default void onLogprobs(com.fasterxml.jackson.databind.JsonNode logprobs) {
    }

    /**
     * Called with a streamed chunk's choice other than the first (OpenAI {@code n > 1}): the provider's
     * {@code choices[i]} object as it sent it ({@code index} &ge; 1, {@code delta}, {@code logprobs},
     * {@code finish_reason}), for a dialect that shows every choice. Listeners that forward to another listener
     * must forward this too.
     *
     * @param choice the choice object; never null
     */
    default void onChoice(com.fasterxml.jackson.databind.JsonNode choice) {
    }

    /**
     * Called when a tool call is complete and about to run (the agent loop's "tool call started" event).
     *
     * @param call the complete call
     */
    default void onToolCall(ToolCall call) {
    }

    /**
     * Called when a tool call has run (the agent loop's "tool result" event).
     *
     * @param call the call
     * @param result the result text sent back to the model
     * @param error whether the tool failed (the text then explains why)
     * @param millis how long it ran, in milliseconds
     */
    default void onToolResult(ToolCall call, String result, boolean error, long millis) {
    }
}
