package ai.openclaw.memory.engine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Loads an in-jar ONNX embedding model of LangChain4j with our own ONNX Runtime session options: one intra-op
 * thread and no spinning. The library's default session runs every operator on a pool as wide as the machine whose
 * threads spin while waiting; for the short texts memory embeds (queries, facts) that costs more CPU than it saves
 * wall time — measured on the 2-core machine, 2.0 → 1.4 ms of CPU per query embedding and a steadier tail
 * (docs/BENCHMARKS.md) — and a gateway embeds on request threads, so requests already run in parallel.
 */
final class OnnxModelLoader {
    private OnnxModelLoader() {
    }

    /**
     * Loads a model from the class path.
     *
     * @param anchor a class of the jar holding the model (its class loader finds the resources)
     * @param modelResource the {@code .onnx} resource name
     * @param tokenizerResource the tokenizer JSON resource name
     * @param pooling how token embeddings become one text embedding (the model's own: mean or CLS)
     * @throws IllegalStateException when a resource is missing or ONNX Runtime cannot create the session
     */
    static EmbeddingModel load(Class<?> anchor, String modelResource, String tokenizerResource, PoolingMode pooling) {
        ClassLoader loader = anchor.getClassLoader();
        try (InputStream model = open(loader, modelResource); InputStream tokenizer = open(loader, tokenizerResource)) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = env.createSession(model.readAllBytes(), options);
            return new InJarModel(new OnnxBertBiEncoder(env, session, tokenizer, pooling));
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model " + modelResource + ": " + e.getMessage(),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model " + modelResource, e);
        }
    }

    private static InputStream open(ClassLoader loader, String resource) {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("embedding model resource " + resource + " is not on the class path");
        }
        return in;
    }

    /** The library's in-process model over our encoder; batches are embedded on the calling thread. */
    private static final class InJarModel extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        InJarModel(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }
}
