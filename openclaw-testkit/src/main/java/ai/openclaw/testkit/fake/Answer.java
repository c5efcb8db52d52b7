package ai.openclaw.testkit.fake;

import java.util.List;

/**
 * One resolved answer of the fake provider, ready to be rendered in a wire format.
 *
 * @param id the response id ({@code chatcmpl-…} or {@code msg_…})
 * @param model the model name echoed from the request
 * @param created the creation time in epoch seconds
 * @param text the assistant text (may be empty)
 * @param toolCalls the tool calls (may be empty)
 * @param promptTokens the reported prompt (input) tokens
 * @param completionTokens the reported completion (output) tokens
 * @param streamChunks how many text deltas to stream; 0 for one per word
 * @param truncated true when the stream must stop after the text deltas (the connection is then dropped)
 */
record Answer(
        String id,
        String model,
        long created,
        String text,
        List<FakeToolCall> toolCalls,
        int promptTokens,
        int completionTokens,
        int streamChunks,
        boolean truncated) {

    Answer {
        toolCalls = List.copyOf(toolCalls);
    }
}
