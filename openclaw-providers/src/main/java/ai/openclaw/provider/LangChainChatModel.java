package ai.openclaw.provider;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.UpstreamException;
import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.ChatModel;
import ai.openclaw.llm.ChatRequest;
import ai.openclaw.llm.ChatResponse;
import ai.openclaw.llm.StreamListener;
import ai.openclaw.llm.Usage;
import ai.openclaw.llm.ToolCall;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link ChatModel} over LangChain4j's OpenAI-compatible and Anthropic clients. Requests carry the model
 * name per call, so one adapter serves every model of a provider.
 */
final class LangChainChatModel implements ChatModel {
    private final String provider;
    private final dev.langchain4j.model.chat.ChatModel sync;
    private final StreamingChatModel streaming;
    private final Duration timeout;

    LangChainChatModel(String provider, dev.langchain4j.model.chat.ChatModel sync, StreamingChatModel streaming,
                       Duration timeout) {
        this.provider = provider;
        this.sync = sync;
        this.streaming = streaming;
        this.timeout = timeout;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        try {
            return convert(request, sync.chat(toLangChain(request)), null);
        } catch (RuntimeException e) {
            throw ProviderErrors.map(provider, e);
        }
    }

    @Override
    public ChatResponse stream(ChatRequest request, StreamListener listener) {
        CompletableFuture<dev.langchain4j.model.chat.response.ChatResponse> done = new CompletableFuture<>();
        AtomicBoolean open = new AtomicBoolean(true);
        StringBuilder text = new StringBuilder();
        StreamingChatResponseHandler handler = new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                if (partial == null || partial.isEmpty() || !open.get()) {
                    return;
                }
                synchronized (text) {
                    text.append(partial);
                }
                try {
                    listener.onText(partial);
                } catch (RuntimeException e) {
                    open.set(false);
                    done.completeExceptionally(e);
                }
            }

            @Override
            public void onPartialToolCall(PartialToolCall partial) {
                if (!open.get()) {
                    return;
                }
                try {
                    listener.onToolCallDelta(partial.index(), partial.id(), partial.name(),
                            partial.partialArguments() == null ? "" : partial.partialArguments());
                } catch (RuntimeException e) {
                    open.set(false);
                    done.completeExceptionally(e);
                }
            }

            @Override
            public void onCompleteToolCall(CompleteToolCall complete) {
                // the complete calls arrive again with the final response
            }

            @Override
            public void onCompleteResponse(dev.langchain4j.model.chat.response.ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        };
        try {
            streaming.chat(toLangChain(request), handler);
            Duration limit = request.timeout().compareTo(timeout) < 0 ? request.timeout() : timeout;
            var response = done.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            String streamed;
            synchronized (text) {
                streamed = text.toString();
            }
            return convert(request, response, streamed);
        } catch (TimeoutException e) {
            open.set(false);
            throw new UpstreamException(ErrorCode.TIMEOUT, "model provider '" + provider + "' timed out",
                    "no complete answer within " + timeout.toSeconds() + " s", 0, true, e);
        } catch (ExecutionException e) {
            open.set(false);
            throw ProviderErrors.map(provider, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            open.set(false);
            Thread.currentThread().interrupt();
            throw new UpstreamException(ErrorCode.UPSTREAM_ERROR, "model call to '" + provider + "' was interrupted",
                    null, 0, true, e);
        } catch (RuntimeException e) {
            open.set(false);
            throw ProviderErrors.map(provider, e);
        }
    }

    private static dev.langchain4j.model.chat.request.ChatRequest toLangChain(ChatRequest request) {
        List<dev.langchain4j.data.message.ChatMessage> messages = new ArrayList<>(request.messages().size());
        for (ChatMessage m : request.messages()) {
            messages.add(switch (m.role()) {
                case SYSTEM -> SystemMessage.from(m.content());
                case USER -> UserMessage.from(m.content());
                case ASSISTANT -> m.hasToolCalls()
                        ? AiMessage.builder().text(m.content().isEmpty() ? null : m.content())
                                .toolExecutionRequests(m.toolCalls().stream().map(ToolSchemas::toRequest).toList())
                                .build()
                        : AiMessage.from(m.content());
                case TOOL -> m.toolCallId() == null ? UserMessage.from("[tool result] " + m.content())
                        : ToolExecutionResultMessage.from(m.toolCallId(), m.toolName() == null ? "tool"
                                : m.toolName(), m.content());
            });
        }
        var builder = dev.langchain4j.model.chat.request.ChatRequest.builder();
        if (!request.tools().isEmpty()) {
            builder.toolSpecifications(request.tools().stream().map(ToolSchemas::toSpecification).toList());
        }
        return builder
                .messages(messages)
                .modelName(request.model())
                .temperature(request.temperature())
                .maxOutputTokens(request.maxTokens())
                .build();
    }

    private static ChatResponse convert(ChatRequest request,
                                        dev.langchain4j.model.chat.response.ChatResponse response, String streamed) {
        String text = response.aiMessage() == null || response.aiMessage().text() == null ? ""
                : response.aiMessage().text();
        if (streamed != null && !streamed.isEmpty() && text.isEmpty()) {
            text = streamed;
        }
        TokenUsage tu = response.tokenUsage();
        int in = tu == null || tu.inputTokenCount() == null ? 0 : tu.inputTokenCount();
        int out = tu == null || tu.outputTokenCount() == null ? 0 : tu.outputTokenCount();
        if (in == 0 && out == 0) {
            for (ChatMessage m : request.messages()) {
                in += Usage.estimateTokens(m.content());
            }
            out = Usage.estimateTokens(text);
        }
        String model = response.modelName() == null ? request.model() : response.modelName();
        String finish = response.finishReason() == null ? "stop" : switch (response.finishReason()) {
            case LENGTH -> "length";
            case TOOL_EXECUTION -> "tool_calls";
            case CONTENT_FILTER -> "content_filter";
            default -> "stop";
        };
        List<ToolCall> calls = response.aiMessage() == null || !response.aiMessage().hasToolExecutionRequests()
                ? List.of() : response.aiMessage().toolExecutionRequests().stream().map(ToolSchemas::fromRequest)
                .toList();
        if (!calls.isEmpty()) {
            finish = "tool_calls";
        }
        return new ChatResponse(text, model, new Usage(in, out), finish, calls);
    }
}
