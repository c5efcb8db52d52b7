package ai.openclaw.memory.engine;

import ai.openclaw.memory.Embeddings;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@link Embeddings} with the in-jar ONNX models of LangChain4j, run offline: {@value #MINILM} (English, 384
 * dimensions) and {@value #BGE_ZH} (Chinese and English, 512 dimensions). Each model is loaded once per JVM, on first
 * use, and shared by every gateway in it.
 */
final class OnnxEmbeddings implements Embeddings {
    /** all-MiniLM-L6-v2, quantized. */
    static final String MINILM = "all-minilm-l6-v2-q";
    /** BAAI bge-small-zh-v1.5, quantized. */
    static final String BGE_ZH = "bge-small-zh-v15-q";
    /** Picks per text: CJK text → {@value #BGE_ZH}, other text → {@value #MINILM}. */
    static final String AUTO = "auto";

    /** The models as the LangChain4j jars ship them, loaded with our session options ({@link OnnxModelLoader}). */
    private static final Map<String, Supplier<EmbeddingModel>> FACTORIES = Map.of(
            MINILM, () -> OnnxModelLoader.load(AllMiniLmL6V2QuantizedEmbeddingModel.class, "all-minilm-l6-v2-q.onnx",
                    "all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN),
            BGE_ZH, () -> OnnxModelLoader.load(BgeSmallZhV15QuantizedEmbeddingModel.class, "bge-small-zh-v1.5-q.onnx",
                    "bge-small-zh-v1.5-q-tokenizer.json", PoolingMode.CLS));
    private static final Map<String, Integer> DIMENSIONS = Map.of(MINILM, 384, BGE_ZH, 512);
    /**
     * Cosine levels {unrelated, close paraphrase} measured on the project's labelled set (docs/BENCHMARKS.md):
     * MiniLM spreads similarities widely; bge-small-zh compresses them into a higher band.
     */
    private static final Map<String, double[]> CALIBRATION = Map.of(
            MINILM, new double[] {0.15, 0.65},
            BGE_ZH, new double[] {0.40, 0.80});
    private static final Map<String, EmbeddingModel> LOADED = new ConcurrentHashMap<>();

    /** Texts up to this many characters (queries, short facts) are cached; longer ones are embedded each time. */
    static final int CACHED_MAX_CHARS = 512;
    /** Entries in the embedding cache (about 2 KiB each). */
    static final int CACHE_ENTRIES = 2048;

    private final String configured;
    private final boolean crossLingual;
    /** LRU of recent embeddings keyed by model + text: a repeated query skips the ONNX run (the largest stage). */
    private final Map<String, float[]> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > CACHE_ENTRIES;
                }
            });

    /** Creates the set for a configured model, without cross-lingual query embedding. */
    OnnxEmbeddings(String configured) {
        this(configured, false);
    }

    /**
     * Creates the set for a configured model.
     *
     * @param configured {@value #AUTO}, {@value #MINILM} or {@value #BGE_ZH}
     * @param crossLingual with {@value #AUTO}: also embed non-CJK queries with {@value #BGE_ZH}, so English queries
     *     can find Chinese facts by meaning (a second embedding per query)
     * @throws IllegalArgumentException for another name
     */
    OnnxEmbeddings(String configured, boolean crossLingual) {
        this.crossLingual = crossLingual;
        if (!AUTO.equals(configured) && !FACTORIES.containsKey(configured)) {
            throw new IllegalArgumentException("memory.embedding.model must be one of auto, " + MINILM + ", " + BGE_ZH
                    + "; got '" + configured + "'");
        }
        this.configured = configured;
    }

    /** The configured name. */
    String configured() {
        return configured;
    }

    @Override
    public String modelFor(String text) {
        if (!AUTO.equals(configured)) {
            return configured;
        }
        return hasCjk(text) ? BGE_ZH : MINILM;
    }

    @Override
    public List<String> queryModels(String text) {
        if (!AUTO.equals(configured)) {
            return List.of(configured);
        }
        // MiniLM cannot read CJK (its vocabulary maps it to [UNK]); bge-small-zh reads both scripts.
        if (hasCjk(text)) {
            return List.of(BGE_ZH);
        }
        return crossLingual ? List.of(MINILM, BGE_ZH) : List.of(MINILM);
    }

    @Override
    public float[] embed(String model, String text) {
        EmbeddingModel m = model(model);
        if (text.length() > CACHED_MAX_CHARS) {
            return m.embed(text).content().vector();
        }
        String key = model + '\u0000' + text;
        float[] v = cache.get(key);
        if (v == null) {
            v = m.embed(text).content().vector();
            cache.put(key, v);
        }
        return v.clone();
    }

    /** Embeds without the cache (the benchmark times the model run with it). */
    float[] embedUncached(String model, String text) {
        return model(model).embed(text).content().vector();
    }

    @Override
    public int dimension(String model) {
        Integer d = DIMENSIONS.get(model);
        if (d == null) {
            throw new IllegalArgumentException("unknown embedding model " + model);
        }
        return d;
    }

    @Override
    public double[] calibration(String model) {
        double[] c = CALIBRATION.get(model);
        return c == null ? new double[] {0, 1} : c.clone();
    }

    private static EmbeddingModel model(String id) {
        Supplier<EmbeddingModel> f = FACTORIES.get(id);
        if (f == null) {
            throw new IllegalArgumentException("unknown embedding model " + id);
        }
        return LOADED.computeIfAbsent(id, k -> f.get());
    }

    /** Whether the text contains Han, Hiragana, Katakana or Hangul characters. */
    static boolean hasCjk(String text) {
        return text.codePoints().anyMatch(cp -> {
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                    || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
        });
    }
}
