package ai.openclaw.testkit.fake;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A scripted answer of the {@link FakeProvider} to one chat request, in either wire format.
 *
 * <p>Build replies with the static factories ({@link #text}, {@link #toolCalls}, {@link #error},
 * {@link #delayed}, {@link #hang}, {@link #streamThenFail}, {@link #echo}) and refine them with
 * {@link #withUsage}. The same reply is rendered as a non-streamed JSON body or as an SSE stream,
 * whichever the request asks for.
 *
 * @param kind what the provider does with the request
 * @param text the reply text ({@link Kind#TEXT}), optional text before the tool calls
 *     ({@link Kind#TOOL_CALLS}), the error message ({@link Kind#ERROR}) or the partial text
 *     ({@link Kind#STREAM_THEN_FAIL}); never null (empty when unused)
 * @param toolCalls the tool calls of a {@link Kind#TOOL_CALLS} reply; empty for other kinds
 * @param status the HTTP status: 400–599 for {@link Kind#ERROR}, 200 otherwise
 * @param delay server-side wait before answering; never negative
 * @param promptTokens reported prompt (input) tokens, or null to estimate them from the request
 * @param completionTokens reported completion (output) tokens, or null to estimate them from the reply
 * @param rawJson the exact body of a {@link Kind#RAW} answer to a non-streamed request; else null
 * @param rawSse the exact SSE text of a {@link Kind#RAW} answer to a streamed request; else null
 */
public record FakeReply(
        Kind kind,
        String text,
        List<FakeToolCall> toolCalls,
        int status,
        Duration delay,
        Integer promptTokens,
        Integer completionTokens,
        String rawJson,
        String rawSse) {

    /** The kind of a {@link FakeReply}: what the provider does with the request. */
    public enum Kind {
        /** Answers {@code "echo: " + <text of the last user message>}. */
        ECHO,
        /** Answers {@code "tool said: " + <the last tool result in the request>} (a final answer that uses it). */
        ECHO_TOOL_RESULT,
        /** Answers with a fixed assistant text. */
        TEXT,
        /** Asks the client to call tools (finish reason {@code tool_calls} / {@code tool_use}). */
        TOOL_CALLS,
        /** Answers with an HTTP error status and the provider's own error JSON. */
        ERROR,
        /** Never answers; the connection is dropped when the provider closes. */
        HANG,
        /** Starts answering (streams some deltas), then drops the connection without finishing. */
        STREAM_THEN_FAIL,
        /** Answers with a given body as it is (every field a real provider may send), JSON or SSE. */
        RAW
    }

    /** A reply without raw bodies. */
    public FakeReply(Kind kind, String text, List<FakeToolCall> toolCalls, int status, Duration delay,
                     Integer promptTokens, Integer completionTokens) {
        this(kind, text, toolCalls, status, delay, promptTokens, completionTokens, null, null);
    }

    /**
     * Returns a reply that sends exactly the given body: {@code json} (status 200, {@code application/json}) to a
     * non-streamed request, {@code sse} ({@code text/event-stream}, frames as written) to a streamed one.
     *
     * @param json the whole answer's body, or null when only streams are expected
     * @param sse the stream's text ({@code data: …\n\n} frames), or null when only whole answers are expected
     */
    public static FakeReply raw(String json, String sse) {
        return new FakeReply(Kind.RAW, "", List.of(), 200, Duration.ZERO, null, null, json, sse);
    }

    /** Validates the reply and normalises absent values (null text → "", null delay → zero). */
    public FakeReply {
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        delay = delay == null ? Duration.ZERO : delay;
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        if (kind == Kind.TOOL_CALLS && toolCalls.isEmpty()) {
            throw new IllegalArgumentException("a TOOL_CALLS reply needs at least one tool call");
        }
        if (kind != Kind.TOOL_CALLS && !toolCalls.isEmpty()) {
            throw new IllegalArgumentException("only a TOOL_CALLS reply may carry tool calls, not " + kind);
        }
        if (kind == Kind.ERROR) {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("an error reply needs a 4xx or 5xx status, got " + status);
            }
            if (text.isBlank()) {
                throw new IllegalArgumentException("an error reply needs a message");
            }
        } else if (status != 200) {
            throw new IllegalArgumentException("a " + kind + " reply has status 200, got " + status);
        }
        if (promptTokens != null && promptTokens < 0) {
            throw new IllegalArgumentException("promptTokens must not be negative: " + promptTokens);
        }
        if (completionTokens != null && completionTokens < 0) {
            throw new IllegalArgumentException("completionTokens must not be negative: " + completionTokens);
        }
    }

    /** Returns the echo reply: {@code "echo: " + <text of the last user message>}; the built-in default. */
    public static FakeReply echo() {
        return new FakeReply(Kind.ECHO, "", List.of(), 200, Duration.ZERO, null, null);
    }

    /**
     * Returns a reply that answers {@code "tool said: " + <the last tool result in the request>}: OpenAI's last
     * {@code tool} message, or Anthropic's last {@code tool_result} block.
     */
    public static FakeReply echoToolResult() {
        return new FakeReply(Kind.ECHO_TOOL_RESULT, "", List.of(), 200, Duration.ZERO, null, null);
    }

    /** Returns a reply with a fixed assistant text (finish reason {@code stop} / {@code end_turn}). */
    public static FakeReply text(String text) {
        Objects.requireNonNull(text, "text");
        return new FakeReply(Kind.TEXT, text, List.of(), 200, Duration.ZERO, null, null);
    }

    /** Returns a reply asking the client to call the given tools, with no text. */
    public static FakeReply toolCalls(List<FakeToolCall> calls) {
        return toolCalls("", calls);
    }

    /** Returns a reply with some text followed by requests to call the given tools. */
    public static FakeReply toolCalls(String text, List<FakeToolCall> calls) {
        Objects.requireNonNull(calls, "calls");
        return new FakeReply(Kind.TOOL_CALLS, text, calls, 200, Duration.ZERO, null, null);
    }

    /**
     * Returns a reply that answers with the given HTTP status and the provider's own error JSON:
     * OpenAI {@code {"error":{"message","type","param":null,"code"}}}, Anthropic
     * {@code {"type":"error","error":{"type","message"}}}.
     */
    public static FakeReply error(int status, String message) {
        Objects.requireNonNull(message, "message");
        return new FakeReply(Kind.ERROR, message, List.of(), status, Duration.ZERO, null, null);
    }

    /** Returns the given reply with {@code delay} more server-side wait before it is sent. */
    public static FakeReply delayed(Duration delay, FakeReply reply) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(reply, "reply");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        return new FakeReply(reply.kind, reply.text, reply.toolCalls, reply.status,
                reply.delay.plus(delay), reply.promptTokens, reply.completionTokens, reply.rawJson, reply.rawSse);
    }

    /** Returns a reply that never answers; the request stays open until the client gives up or the provider closes. */
    public static FakeReply hang() {
        return new FakeReply(Kind.HANG, "", List.of(), 200, Duration.ZERO, null, null);
    }

    /**
     * Returns a reply that starts a 200 answer and then drops the connection abruptly.
     *
     * <p>A streaming request gets the opening event(s) and the deltas of {@code partialText}, but
     * never the finish chunk, {@code [DONE]} or {@code message_stop}. A non-streaming request gets a
     * truncated JSON body. Either way the client sees the connection end in the middle of the body.
     */
    public static FakeReply streamThenFail(String partialText) {
        Objects.requireNonNull(partialText, "partialText");
        return new FakeReply(Kind.STREAM_THEN_FAIL, partialText, List.of(), 200, Duration.ZERO, null, null);
    }

    /** Returns a copy of this reply that reports the given token usage instead of the estimate. */
    public FakeReply withUsage(int promptTokens, int completionTokens) {
        return new FakeReply(kind, text, toolCalls, status, delay, promptTokens, completionTokens, rawJson, rawSse);
    }
}
