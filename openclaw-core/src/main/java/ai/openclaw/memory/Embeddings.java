package ai.openclaw.memory;

import java.util.List;

/**
 * The embedding models memory uses, chosen by configuration: one fixed model, or {@code auto}, which picks per text
 * (Chinese, Japanese or Korean text → a Chinese-capable model, other text → an English one).
 */
public interface Embeddings {
    /** The id of the model that embeds stored text {@code text}, e.g. {@code all-minilm-l6-v2-q}. */
    String modelFor(String text);

    /** The ids of the models a query {@code text} is embedded with (each searches the items of its own space). */
    List<String> queryModels(String text);

    /**
     * Embeds {@code text} with model {@code model}; the vector has unit length.
     *
     * @throws IllegalArgumentException for an unknown model id
     */
    float[] embed(String model, String text);

    /** The dimension of {@code model}'s vectors. */
    int dimension(String model);

    /**
     * Maps a cosine similarity from {@code model} to [0,1] (see {@link HybridScoring#vectorScore}): the model's
     * typical similarity of unrelated texts maps to 0, that of close paraphrases to 1.
     *
     * @return {@code {unrelated, paraphrase}} cosine levels for {@code model}
     */
    double[] calibration(String model);
}
