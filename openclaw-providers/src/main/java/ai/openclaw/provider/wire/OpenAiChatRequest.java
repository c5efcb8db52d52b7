package ai.openclaw.provider.wire;

import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.ChatOptions;
import ai.openclaw.llm.ToolSpec;
import java.util.List;
import java.util.Objects;

/**
 * A client's OpenAI Chat Completions request, parsed into the model port without losing a field.
 *
 * @param model the {@code model} field, or null
 * @param messages the messages; at least one
 * @param tools the client's tools; never null
 * @param temperature {@code temperature}, or null
 * @param maxTokens {@code max_tokens}, or null
 * @param options everything else, unknown fields in {@link ChatOptions#extra()}; never null
 * @param stream {@code stream}
 * @param includeUsage {@code stream_options.include_usage}
 */
public record OpenAiChatRequest(String model, List<ChatMessage> messages, List<ToolSpec> tools, Double temperature,
                                Integer maxTokens, ChatOptions options, boolean stream, boolean includeUsage) {
    /** Validates and copies the lists. */
    public OpenAiChatRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        Objects.requireNonNull(options, "options");
    }
}
