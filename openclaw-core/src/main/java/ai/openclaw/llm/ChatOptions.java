package ai.openclaw.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The options of a model call beyond messages, tools, temperature and max tokens: everything OpenAI Chat
 * Completions carries, plus the fields the gateway does not know, kept unchanged in {@link #extra()} and
 * forwarded as they are to OpenAI-compatible upstreams. Every component is null (or empty) when not set.
 *
 * @param topP nucleus sampling mass in (0, 1] ({@code top_p})
 * @param stop stop sequences ({@code stop}, Anthropic {@code stop_sequences}); never null
 * @param seed the sampling seed ({@code seed})
 * @param n how many choices to generate ({@code n})
 * @param presencePenalty in [-2, 2] ({@code presence_penalty})
 * @param frequencyPenalty in [-2, 2] ({@code frequency_penalty})
 * @param logitBias token id → bias ({@code logit_bias})
 * @param logprobs whether to return log probabilities ({@code logprobs})
 * @param topLogprobs 0-20 alternatives per token ({@code top_logprobs})
 * @param maxCompletionTokens the completion limit as {@code max_completion_tokens} (OpenAI's newer name; the
 *     request's {@link ChatRequest#maxTokens()} is sent as {@code max_tokens})
 * @param reasoningEffort {@code minimal}, {@code low}, {@code medium}, {@code high} ({@code reasoning_effort})
 * @param user the end user id ({@code user})
 * @param metadata string key/value pairs ({@code metadata})
 * @param store whether the upstream may store the completion ({@code store})
 * @param responseFormat {@code {"type":"text"|"json_object"|"json_schema",…}} ({@code response_format})
 * @param toolChoice which tool to call ({@code tool_choice})
 * @param parallelToolCalls whether several tool calls may come in one answer ({@code parallel_tool_calls})
 * @param extra every other top-level request field, unchanged; null for none. Treat as read-only.
 */
public record ChatOptions(Double topP, List<String> stop, Long seed, Integer n, Double presencePenalty,
                          Double frequencyPenalty, ObjectNode logitBias, Boolean logprobs, Integer topLogprobs,
                          Integer maxCompletionTokens, String reasoningEffort, String user, ObjectNode metadata,
                          Boolean store, ObjectNode responseFormat, ToolChoice toolChoice, Boolean parallelToolCalls,
                          ObjectNode extra) {
    /** No options. */
    public static final ChatOptions NONE = new ChatOptions(null, List.of(), null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null);

    /** Copies the stop list and validates the ranges. */
    public ChatOptions {
        stop = stop == null ? List.of() : List.copyOf(stop);
        if (n != null && n < 1) {
            throw new IllegalArgumentException("n must be >= 1");
        }
        if (topLogprobs != null && (topLogprobs < 0 || topLogprobs > 20)) {
            throw new IllegalArgumentException("topLogprobs must be in [0, 20]");
        }
        if (maxCompletionTokens != null && maxCompletionTokens < 1) {
            throw new IllegalArgumentException("maxCompletionTokens must be >= 1");
        }
        if (extra != null && extra.isEmpty()) {
            extra = null;
        }
    }

    /** The same options with another tool choice. */
    public ChatOptions withToolChoice(ToolChoice choice) {
        return new ChatOptions(topP, stop, seed, n, presencePenalty, frequencyPenalty, logitBias, logprobs,
                topLogprobs, maxCompletionTokens, reasoningEffort, user, metadata, store, responseFormat, choice,
                parallelToolCalls, extra);
    }

    /** The names of the set fields that are not one of the given ones, in OpenAI's spelling (for 400s). */
    public List<String> setFieldsExcept(List<String> supported) {
        List<String> out = new java.util.ArrayList<>();
        check(out, supported, "top_p", topP);
        check(out, supported, "stop", stop.isEmpty() ? null : stop);
        check(out, supported, "seed", seed);
        check(out, supported, "n", n != null && n > 1 ? n : null);
        check(out, supported, "presence_penalty", presencePenalty);
        check(out, supported, "frequency_penalty", frequencyPenalty);
        check(out, supported, "logit_bias", logitBias == null || logitBias.isEmpty() ? null : logitBias);
        check(out, supported, "logprobs", Boolean.TRUE.equals(logprobs) ? logprobs : null);
        check(out, supported, "top_logprobs", topLogprobs);
        check(out, supported, "reasoning_effort", reasoningEffort);
        check(out, supported, "store", Boolean.TRUE.equals(store) ? store : null);
        check(out, supported, "response_format", responseFormat == null
                || "text".equals(responseFormat.path("type").asText()) ? null : responseFormat);
        if (extra != null) {
            extra.fieldNames().forEachRemaining(f -> {
                if (!supported.contains(f)) {
                    out.add(f);
                }
            });
        }
        return out;
    }

    private static void check(List<String> out, List<String> supported, String field, Object value) {
        if (value != null && !supported.contains(field)) {
            out.add(field);
        }
    }
}
