package ai.openclaw.memory.engine;

import com.sun.management.OperatingSystemMXBean;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Compares LangChain4j's default ONNX session for all-MiniLM-L6-v2-q (an intra-op pool as wide as the machine, with
 * spinning) with the session {@link OnnxModelLoader} creates (one thread, no spinning): wall time per query embedding
 * and process CPU time per embedding, on distinct short queries (no cache), in alternating rounds so both see the
 * same machine load.
 *
 * <p>Command line: {@code [--rounds N] [--queries N]}; defaults 3 and 200.
 */
public final class EmbeddingSessionBench {
    private static final String[] WORDS = ("user prefers concise replies deploy server staging database backup weekly "
            + "report invoice flight hotel meeting project deadline budget customer support ticket password rotate "
            + "cluster memory cache latency config file path network address coffee music travel family birthday "
            + "doctor appointment").split(" ");

    private EmbeddingSessionBench() {
    }

    /** Runs the comparison and prints one Markdown row per session and round. */
    public static void main(String[] args) {
        int rounds = MemoryBench.intArg(args, "--rounds", 3);
        int queries = MemoryBench.intArg(args, "--queries", 200);
        Random rnd = new Random(1);
        EmbeddingModel library = new AllMiniLmL6V2QuantizedEmbeddingModel();
        EmbeddingModel ours = OnnxModelLoader.load(AllMiniLmL6V2QuantizedEmbeddingModel.class,
                "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN);
        float[] a = library.embed("the same text").content().vector();
        float[] b = ours.embed("the same text").content().vector();
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        System.out.printf(Locale.ROOT, "# ONNX session comparison, %d cores; cosine of the two sessions' vectors for "
                + "the same text: %.6f%n%n| session | round | p50 ms | p90 ms | p99 ms | process CPU ms/embedding |"
                + "%n|---|---|---|---|---|---|%n", Runtime.getRuntime().availableProcessors(), dot);
        for (int round = 0; round < rounds; round++) {
            for (EmbeddingModel m : List.of(library, ours)) {
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < queries; i++) {
                    StringBuilder t = new StringBuilder();
                    for (int w = 2 + rnd.nextInt(6); w > 0; w--) {
                        t.append(WORDS[rnd.nextInt(WORDS.length)]).append(' ');
                    }
                    texts.add(t.append(round).append('-').append(i).toString());
                }
                long[] wall = new long[queries];
                long cpu0 = processCpuNanos();
                for (int i = 0; i < queries; i++) {
                    long t0 = System.nanoTime();
                    m.embed(texts.get(i));
                    wall[i] = System.nanoTime() - t0;
                }
                double cpuMs = (processCpuNanos() - cpu0) / 1e6 / queries;
                Arrays.sort(wall);
                System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f |%n",
                        m == library ? "LangChain4j default" : "one thread, no spinning", round,
                        wall[queries / 2] / 1e6, wall[queries * 9 / 10] / 1e6, wall[queries * 99 / 100] / 1e6, cpuMs);
            }
        }
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
