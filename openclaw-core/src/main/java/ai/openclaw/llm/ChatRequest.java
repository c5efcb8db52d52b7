package ai.openclaw.llm;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One call to a model: the provider's model name, the messages (history first), and sampling options.
 *
 * @param model the model name as the provider knows it (without the {@code provider/} prefix); never blank
 * @param messages the conversation, oldest first; at least one message
 * @param temperature sampling temperature in [0, 2], or null for the provider's default
 * @param maxTokens the most completion tokens to generate, or null for the provider's default
 * @param timeout how long to wait for the whole answer; positive
 * @param tools the tools the model may call; never null, empty for none
 * @param options every other option of the call (OpenAI's whole surface, unknown fields kept); never null
 */
public record ChatRequest(String model, List<ChatMessage> messages, Double temperature, Integer maxTokens,
                          Duration timeout, List<ToolSpec> tools, ChatOptions options) {
    /** Default time allowed for one model call. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    /** Validates the fields and copies the message list. */
    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("messages must not be empty");
        }
        if (temperature != null && (temperature < 0 || temperature > 2 || temperature.isNaN())) {
            throw new IllegalArgumentException("temperature must be in [0, 2]: " + temperature);
        }
        if (maxTokens != null && maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be > 0: " + maxTokens);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        tools = tools == null ? List.of() : List.copyOf(tools);
        options = options == null ? ChatOptions.NONE : options;
    }

    /** A request with tools and no other options. */
    public ChatRequest(String model, List<ChatMessage> messages, Double temperature, Integer maxTokens,
                       Duration timeout, List<ToolSpec> tools) {
        this(model, messages, temperature, maxTokens, timeout, tools, ChatOptions.NONE);
    }

    /** The same request without tools (for a model that does not support them). */
    public ChatRequest withoutTools() {
        return new ChatRequest(model, messages, temperature, maxTokens, timeout, List.of(),
                options.toolChoice() == null ? options : options.withToolChoice(null));
    }

    /** The same request for another model name (a fallback). */
    public ChatRequest withModel(String otherModel) {
        return new ChatRequest(otherModel, messages, temperature, maxTokens, timeout, tools, options);
    }

    /** A request without tools. */
    public ChatRequest(String model, List<ChatMessage> messages, Double temperature, Integer maxTokens,
                       Duration timeout) {
        this(model, messages, temperature, maxTokens, timeout, List.of(), ChatOptions.NONE);
    }

    /** A request with provider defaults for sampling and {@link #DEFAULT_TIMEOUT}. */
    public static ChatRequest of(String model, List<ChatMessage> messages) {
        return new ChatRequest(model, messages, null, null, DEFAULT_TIMEOUT);
    }

    /** The tool with this name among {@link #tools()}, or null. */
    public ToolSpec tool(String name) {
        for (ToolSpec t : tools) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The text of the last user message, or "" when there is none. */
    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return messages.get(i).content();
            }
        }
        return "";
    }
}
