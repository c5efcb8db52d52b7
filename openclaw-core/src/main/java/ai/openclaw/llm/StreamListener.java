package ai.openclaw.llm;

/**
 * Receives a streamed answer piece by piece, on the thread that called
 * {@link ChatModel#stream(ChatRequest, StreamListener)} or on a provider thread; calls never overlap.
 */
@FunctionalInterface
public interface StreamListener {
    /**
     * Called with each new piece of answer text, in order; the pieces concatenate to the full text.
     *
     * @param delta a non-empty piece of text
     */
    void onText(String delta);
}
