package ai.openclaw.testkit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fake LLM provider: a real HTTP server on 127.0.0.1 that speaks the OpenAI Chat Completions
 * and Anthropic Messages wire formats, streaming (SSE) and tool calls included.
 *
 * <p>Routes: {@code POST /v1/chat/completions} (OpenAI), {@code POST /v1/messages} (Anthropic),
 * {@code GET /v1/models} (OpenAI model list), {@code POST /v1/embeddings} (deterministic vectors, see
 * {@link FakeEmbeddings}). Each chat request, of either format, takes the next
 * reply from a FIFO script filled with {@link #enqueue}; when the script is empty the default reply
 * is used, initially {@link FakeReply#echo()} ({@code "echo: " + <last user message>}). Requests
 * are recorded for assertions unless {@link Options#recordRequests()} is off. Malformed chat
 * requests get a 400 in the provider's own error format and do not consume a scripted reply;
 * unknown paths get a 404.
 *
 * <pre>{@code
 * try (FakeProvider fake = FakeProvider.start()) {
 *     fake.enqueue(FakeReply.text("hello"));
 *     // point a client at fake.openAiBaseUrl() or fake.anthropicBaseUrl() ...
 *     assertThat(fake.lastRequest().json().path("model").asText()).isEqualTo("gpt-4o");
 * }
 * }</pre>
 *
 * <p>Loading this class sets {@code sun.net.httpserver.nodelay=true} (unless already set) so that
 * streamed events are not held back by Nagle's algorithm.
 */
public final class FakeProvider implements AutoCloseable {

    static {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** The model ids listed by {@code GET /v1/models}. */
    public static final List<String> MODELS = List.of("fake-gpt-4o-mini", "fake-claude-sonnet");

    private static final String CHAT_COMPLETIONS = "/v1/chat/completions";
    private static final String MESSAGES = "/v1/messages";
    private static final String MODELS_PATH = "/v1/models";
    private static final String EMBEDDINGS = "/v1/embeddings";

    /**
     * The start-up options of a {@link FakeProvider}.
     *
     * @param port the TCP port to bind on 127.0.0.1; 0 picks a free one
     * @param recordRequests whether requests are kept for {@link #requests()}; turn off for
     *     long-running benchmarks, where the list would grow without bound
     * @param streamChunks how many text deltas a streamed reply is split into; 0 for one per word
     */
    public record Options(int port, boolean recordRequests, int streamChunks) {

        /** Validates the port (0–65535) and the chunk count (not negative). */
        public Options {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535, got " + port);
            }
            if (streamChunks < 0) {
                throw new IllegalArgumentException("streamChunks must not be negative, got " + streamChunks);
            }
        }

        /** Returns the defaults: a free port, requests recorded, one streamed delta per word. */
        public static Options defaults() {
            return new Options(0, true, 0);
        }

        /** Returns a copy with the given port. */
        public Options withPort(int port) {
            return new Options(port, recordRequests, streamChunks);
        }

        /** Returns a copy with request recording switched on or off. */
        public Options withRecordRequests(boolean recordRequests) {
            return new Options(port, recordRequests, streamChunks);
        }

        /** Returns a copy with the given number of streamed text deltas (0 for one per word). */
        public Options withStreamChunks(int streamChunks) {
            return new Options(port, recordRequests, streamChunks);
        }
    }

    /** Thrown inside a handler to drop the connection without finishing the response. */
    private static final class AbortConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AbortConnection() {
            super("connection dropped on purpose", null, false, false);
        }
    }

    private final Options options;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ConcurrentLinkedQueue<FakeReply> script = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> recorded = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile FakeReply defaultReply = FakeReply.echo();

    private FakeProvider(Options options) throws IOException {
        this.options = options;
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        this.server = HttpServer.create(new InetSocketAddress(loopback, options.port()), 1024);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a fake provider on a free port of 127.0.0.1, recording requests. */
    public static FakeProvider start() {
        return start(Options.defaults());
    }

    /** Starts a fake provider on the given port of 127.0.0.1 (0 for a free one), recording requests. */
    public static FakeProvider start(int port) {
        return start(Options.defaults().withPort(port));
    }

    /** Starts a fake provider with the given options. */
    public static FakeProvider start(Options options) {
        Objects.requireNonNull(options, "options");
        try {
            return new FakeProvider(options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the fake provider to 127.0.0.1:" + options.port(), e);
        }
    }

    /** Returns the TCP port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Returns the server root without a path, {@code http://127.0.0.1:PORT} (what the official Anthropic SDKs expect). */
    public String rootUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Returns the OpenAI-style base URL, {@code http://127.0.0.1:PORT/v1}. */
    public String openAiBaseUrl() {
        return rootUrl() + "/v1";
    }

    /** Returns the Anthropic-style base URL, {@code http://127.0.0.1:PORT/v1} (messages are at {@code /v1/messages}). */
    public String anthropicBaseUrl() {
        return rootUrl() + "/v1";
    }

    /** Returns the options the provider was started with. */
    public Options options() {
        return options;
    }

    /** Appends a reply to the script; chat requests of either wire format consume the script in order. */
    public void enqueue(FakeReply reply) {
        script.add(Objects.requireNonNull(reply, "reply"));
    }

    /** Returns how many scripted replies have not been consumed yet. */
    public int pendingReplies() {
        return script.size();
    }

    /** Sets the reply used when the script is empty (initially {@link FakeReply#echo()}). */
    public void setDefaultReply(FakeReply reply) {
        this.defaultReply = Objects.requireNonNull(reply, "reply");
    }

    /** Returns a snapshot of the recorded requests, oldest first (empty when recording is off). */
    public List<RecordedRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /**
     * Returns the most recently recorded request.
     *
     * @throws IllegalStateException if no request has been recorded
     */
    public RecordedRequest lastRequest() {
        synchronized (recorded) {
            if (recorded.isEmpty()) {
                throw new IllegalStateException(options.recordRequests()
                        ? "the fake provider has not received any request"
                        : "the fake provider does not record requests (Options.recordRequests is off)");
            }
            return recorded.get(recorded.size() - 1);
        }
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        synchronized (recorded) {
            recorded.clear();
        }
    }

    /** Forgets recorded requests and pending scripted replies, and restores the echo default reply. */
    public void reset() {
        script.clear();
        clearRequests();
        defaultReply = FakeReply.echo();
    }

    /** Stops the server, dropping requests still in flight (hanging and delayed ones included). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "FakeProvider[" + openAiBaseUrl() + "]";
    }

    // ---------------------------------------------------------------- request handling

    private void handle(HttpExchange exchange) {
        try {
            serve(exchange);
            exchange.close();
        } catch (AbortConnection abort) {
            throw abort; // the server closes the connection without finishing the response
        } catch (IOException | RuntimeException e) {
            if (!(e instanceof IOException) && exchange.getResponseCode() == -1) {
                try {
                    sendJson(exchange, 500, OpenAiWire.INSTANCE.error(500, "fake provider failure: " + e));
                    exchange.close();
                    return;
                } catch (IOException | RuntimeException ignored) {
                    // fall through and drop the connection
                }
            }
            throw new AbortConnection();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (options.recordRequests()) {
            record(exchange, method, rawPath, body);
        }
        String path = normalise(rawPath);
        switch (path) {
            case CHAT_COMPLETIONS -> {
                if (requireMethod(exchange, "POST", OpenAiWire.INSTANCE)) {
                    chat(exchange, OpenAiWire.INSTANCE, body);
                }
            }
            case MESSAGES -> {
                if (requireMethod(exchange, "POST", AnthropicWire.INSTANCE)) {
                    chat(exchange, AnthropicWire.INSTANCE, body);
                }
            }
            case EMBEDDINGS -> {
                if (requireMethod(exchange, "POST", OpenAiWire.INSTANCE)) {
                    embeddings(exchange, body);
                }
            }
            case MODELS_PATH -> {
                if (requireMethod(exchange, "GET", OpenAiWire.INSTANCE)) {
                    sendJson(exchange, 200, models());
                }
            }
            default -> {
                WireFormat wire = path.startsWith(MESSAGES) || exchange.getRequestHeaders().containsKey("anthropic-version")
                        ? AnthropicWire.INSTANCE
                        : OpenAiWire.INSTANCE;
                sendJson(exchange, 404, wire.error(404, "Unknown request URL: " + method + " " + rawPath));
            }
        }
    }

    private void record(HttpExchange exchange, String method, String path, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        RecordedRequest request =
                new RecordedRequest(method, path, headers, new String(body, StandardCharsets.UTF_8));
        synchronized (recorded) {
            recorded.add(request);
        }
    }

    private static String normalise(String path) {
        String collapsed = path.replaceAll("/{2,}", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/")
                ? collapsed.substring(0, collapsed.length() - 1)
                : collapsed;
    }

    private static boolean requireMethod(HttpExchange exchange, String method, WireFormat wire) throws IOException {
        if (method.equalsIgnoreCase(exchange.getRequestMethod())) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", method);
        sendJson(exchange, 405, wire.error(405, "Method " + exchange.getRequestMethod() + " not allowed; use " + method));
        return false;
    }

    private static void embeddings(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            request = null;
        }
        String problem = request == null || !request.isObject()
                ? "We could not parse the JSON body of your request. The request body must be valid JSON."
                : FakeEmbeddings.problem(request);
        if (problem != null) {
            sendJson(exchange, 400, OpenAiWire.INSTANCE.error(400, problem));
            return;
        }
        sendJson(exchange, 200, FakeEmbeddings.answer(request));
    }

    private void chat(HttpExchange exchange, WireFormat wire, byte[] body) throws IOException {
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            request = null;
        }
        String problem = request == null || request.isMissingNode()
                ? "We could not parse the JSON body of your request. The request body must be valid JSON."
                : wire.validate(request);
        if (problem != null) {
            sendJson(exchange, 400, wire.error(400, problem));
            return;
        }

        FakeReply reply = script.poll();
        if (reply == null) {
            reply = defaultReply;
        }
        if (!reply.delay().isZero()) {
            pause(reply.delay());
        }
        switch (reply.kind()) {
            case HANG -> {
                awaitClose();
                throw new AbortConnection();
            }
            case ERROR -> sendJson(exchange, reply.status(), wire.error(reply.status(), reply.text()));
            case RAW -> raw(exchange, request, reply);
            default -> answer(exchange, wire, request, reply);
        }
    }

    private void answer(HttpExchange exchange, WireFormat wire, JsonNode request, FakeReply reply) throws IOException {
        String text = reply.kind() == FakeReply.Kind.ECHO ? "echo: " + wire.lastUserText(request)
                : reply.kind() == FakeReply.Kind.ECHO_TOOL_RESULT ? "tool said: " + lastToolResult(request)
                : reply.text();
        JsonNode modelNode = request.get("model");
        String model = modelNode != null && modelNode.isTextual() ? modelNode.asText() : "fake-model";
        int promptTokens = reply.promptTokens() != null
                ? reply.promptTokens()
                : Chunking.estimateTokens(wire.promptText(request));
        int completionTokens;
        if (reply.completionTokens() != null) {
            completionTokens = reply.completionTokens();
        } else {
            StringBuilder produced = new StringBuilder(text);
            for (FakeToolCall call : reply.toolCalls()) {
                produced.append(call.name()).append(call.argumentsJson());
            }
            completionTokens = Chunking.estimateTokens(produced);
        }
        boolean truncated = reply.kind() == FakeReply.Kind.STREAM_THEN_FAIL;
        Answer answer = new Answer(Json.randomId(wire.idPrefix()), model, System.currentTimeMillis() / 1000,
                text, reply.toolCalls(), promptTokens, completionTokens, options.streamChunks(), truncated);

        if (request.path("stream").asBoolean(false)) {
            Headers headers = exchange.getResponseHeaders();
            headers.set("Content-Type", "text/event-stream; charset=utf-8");
            headers.set("Cache-Control", "no-cache");
            headers.set("X-Request-Id", Json.randomId("req_"));
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (String frame : wire.streamFrames(answer, request)) {
                out.write(frame.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            if (truncated) {
                throw new AbortConnection();
            }
        } else if (truncated) {
            byte[] full = Json.bytes(wire.completion(answer));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, full.length);
            OutputStream out = exchange.getResponseBody();
            out.write(full, 0, full.length / 2);
            out.flush();
            throw new AbortConnection();
        } else {
            sendJson(exchange, 200, wire.completion(answer));
        }
    }

    private static void raw(HttpExchange exchange, JsonNode request, FakeReply reply) throws IOException {
        boolean stream = request.path("stream").asBoolean(false);
        String body = stream ? reply.rawSse() : reply.rawJson();
        if (body == null) {
            throw new IllegalStateException("the raw reply has no " + (stream ? "SSE" : "JSON") + " body");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", stream ? "text/event-stream; charset=utf-8"
                : "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The last tool result of either wire format: a {@code tool} message or a {@code tool_result} block. */
    private static String lastToolResult(JsonNode request) {
        JsonNode messages = request.path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode m = messages.get(i);
            if ("tool".equals(m.path("role").asText())) {
                StringBuilder out = new StringBuilder();
                WireFormat.appendText(m.get("content"), out);
                return out.toString();
            }
            JsonNode content = m.path("content");
            for (int j = content.size() - 1; j >= 0; j--) {
                JsonNode block = content.get(j);
                if ("tool_result".equals(block.path("type").asText())) {
                    StringBuilder out = new StringBuilder();
                    WireFormat.appendText(block.get("content"), out);
                    return out.toString();
                }
            }
        }
        return "";
    }

    private void pause(Duration delay) {
        try {
            if (closing.await(delay.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new AbortConnection();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AbortConnection();
        }
    }

    private void awaitClose() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ObjectNode models() {
        ObjectNode root = Json.object();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String id : MODELS) {
            ObjectNode model = data.addObject();
            model.put("id", id);
            model.put("object", "model");
            model.put("created", 1_700_000_000L);
            model.put("owned_by", "openclaw-testkit");
        }
        return root;
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] bytes = Json.bytes(json);
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("X-Request-Id", Json.randomId("req_"));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
