package ai.openclaw.provider;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.UpstreamException;
import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.ChatModel;
import ai.openclaw.llm.ChatRequest;
import ai.openclaw.llm.ChatResponse;
import ai.openclaw.llm.StreamListener;
import ai.openclaw.llm.Usage;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code local-gguf}: a user-supplied GGUF model file run in-process with llama.cpp ({@code de.kherud:llama}),
 * configured by {@code path}. The model is loaded on first use; calls run one at a time; tools are not offered to
 * it. A missing or unloadable file is an UPSTREAM_ERROR naming the path.
 */
final class LocalGgufChatModel implements ChatModel {
    private static final Logger LOG = LoggerFactory.getLogger(LocalGgufChatModel.class);
    private final String provider;
    private final Path file;
    private final Duration timeout;
    private final int contextSize;
    private final ReentrantLock lock = new ReentrantLock();
    private LlamaModel model;

    LocalGgufChatModel(String provider, Path file, Duration timeout, int contextSize) {
        this.provider = provider;
        this.file = file;
        this.timeout = timeout;
        this.contextSize = contextSize;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return stream(request, delta -> { });
    }

    @Override
    public ChatResponse stream(ChatRequest request, StreamListener listener) {
        String prompt = prompt(request);
        InferenceParameters params = new InferenceParameters(prompt)
                .setNPredict(request.maxTokens() == null ? 256 : Math.min(request.maxTokens(), contextSize))
                .setTemperature(request.temperature() == null ? 0.7f : request.temperature().floatValue())
                .setStopStrings("\nuser:", "\nsystem:");
        Duration limit = request.timeout().compareTo(timeout) < 0 ? request.timeout() : timeout;
        long deadline = System.nanoTime() + limit.toNanos();
        StringBuilder text = new StringBuilder();
        lock.lock();
        try {
            LlamaIterator it = load().generate(params).iterator();
            while (it.hasNext()) {
                LlamaOutput out = it.next();
                if (out.text != null && !out.text.isEmpty()) {
                    text.append(out.text);
                    listener.onText(out.text);
                }
                if (System.nanoTime() > deadline) {
                    it.cancel();
                    throw new UpstreamException(ErrorCode.TIMEOUT, "local model '" + provider + "' timed out",
                            "no complete answer within " + limit.toSeconds() + " s", 0, true, null);
                }
            }
        } catch (UpstreamException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UpstreamException(ErrorCode.UPSTREAM_ERROR, "local model '" + provider + "' failed",
                    e.getMessage(), 0, false, e);
        } finally {
            lock.unlock();
        }
        int in = 0;
        for (ChatMessage m : request.messages()) {
            in += Usage.estimateTokens(m.content());
        }
        return new ChatResponse(text.toString(), request.model(), new Usage(in, Usage.estimateTokens(text.toString())),
                "stop");
    }

    private LlamaModel load() {
        if (model != null) {
            return model;
        }
        if (!Files.isRegularFile(file)) {
            throw new UpstreamException(ErrorCode.UPSTREAM_ERROR, "local model file for provider '" + provider
                    + "' not found: " + file, "set models.providers." + provider + ".path to a .gguf file", 0, false,
                    null);
        }
        try {
            privateNativeDir();
            LlamaModel.setLogger(null, (level, message) -> LOG.debug("llama.cpp {}: {}", level, message.strip()));
            model = new LlamaModel(new ModelParameters().setModel(file.toString()).setGpuLayers(0)
                    .setCtxSize(contextSize).setThreads(Math.max(1, Math.min(4,
                            Runtime.getRuntime().availableProcessors()))));
            LOG.info("loaded local model {} for provider {}", file, provider);
            return model;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new UpstreamException(ErrorCode.UPSTREAM_ERROR, "cannot load the GGUF model for provider '"
                    + provider + "' from " + file, e.getMessage(), 0, false, null);
        }
    }

    /**
     * Points java-llama.cpp's native-library extraction at a directory of this process's own (unless
     * {@code de.kherud.llama.tmpdir} is set): it extracts {@code libjllama.so} under a fixed name into
     * {@code java.io.tmpdir}, so while another account's gateway (or test run) has its copy there, this one could not
     * write its own and failed with "No native library found".
     */
    private static synchronized void privateNativeDir() {
        if (System.getProperty("de.kherud.llama.tmpdir") != null) {
            return;
        }
        try {
            java.nio.file.Path dir = Files.createTempDirectory("openclaw-llama-");
            dir.toFile().deleteOnExit();
            System.setProperty("de.kherud.llama.tmpdir", dir.toString());
        } catch (java.io.IOException e) {
            LOG.debug("no private directory for the llama.cpp native library: {}", e.getMessage());
        }
    }

    /** A plain role-prefixed transcript (works for any model, template or not). */
    private static String prompt(ChatRequest request) {
        StringBuilder sb = new StringBuilder();
        for (ChatMessage m : request.messages()) {
            sb.append(m.role().wireName()).append(": ").append(m.content()).append('\n');
        }
        return sb.append("assistant:").toString();
    }
}
