package ai.openclaw.memory.engine;

import ai.openclaw.memory.MemoryFilter;
import ai.openclaw.memory.MemoryItem;
import ai.openclaw.memory.MemoryQuery;
import ai.openclaw.memory.MemoryScope;
import ai.openclaw.memory.MemoryService;
import ai.openclaw.memory.MemoryType;
import ai.openclaw.memory.NewMemory;
import ai.openclaw.memory.SearchHit;
import ai.openclaw.store.Database;
import ai.openclaw.util.Ids;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Memory benchmark (issue 4), in process: retrieval quality on {@link LabelledSet} (recall@5 and MRR for BM25 alone,
 * vectors alone, hybrid), insert throughput with embedding, hybrid search latency at two sizes, and resident memory
 * growth per item.
 *
 * <p>Command line: {@code [--small N] [--large N] [--inserts N] [--queries N] [--quality-only]
 * [--original-set]}; defaults 10000, 100000, 300, 200; {@code --original-set} first measures the labelled set as it
 * was before the dup/code/num/rare categories were added. The large corpora are synthetic: texts from a Zipf-distributed vocabulary, vectors reused from a
 * pool of 1000 real embeddings plus noise (embedding 100k texts on 2 cores would take most of the run).
 */
public final class MemoryBench {
    private static final String[] CN_WORDS = ("用户 项目 服务器 配置 文件 团队 会议 日志 数据库 密码 周末 早上 晚上 咖啡 "
            + "北京 上海 杭州 深圳 客户 合同 预算 报告 季度 目标 产品 设计 测试 部署 版本 发布 网关 模型 记忆 技能 任务 "
            + "提醒 邮件 电话 航班 酒店 医生 孩子 学校 音乐 电影 书籍 运动 跑步 游泳 旅行 天气 喜欢 需要 完成 检查 更新 "
            + "备份 清理 安装 重启 监控 告警 延迟 性能 成本 计划").split(" ");

    private MemoryBench() {
    }

    /** Runs the benchmark and prints Markdown tables. */
    public static void main(String[] args) throws Exception {
        int small = intArg(args, "--small", 10_000);
        int large = intArg(args, "--large", 100_000);
        int inserts = intArg(args, "--inserts", 300);
        int queries = intArg(args, "--queries", 200);
        boolean qualityOnly = Arrays.asList(args).contains("--quality-only");
        System.out.printf(Locale.ROOT, "# memory bench: %d cores, JDK %s, max heap %d MiB%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20);
        Map<String, String> originalDocs = new LinkedHashMap<>();
        LabelledSet.DOCS.forEach((key, text) -> {
            if (LabelledSet.original(key)) {
                originalDocs.put(key, text);
            }
        });
        if (Arrays.asList(args).contains("--original-set")) {
            quality("original labelled set", originalDocs,
                    LabelledSet.QUERIES.subList(0, LabelledSet.ORIGINAL_QUERIES), false);
        }
        double[][] extended = quality("extended labelled set", LabelledSet.DOCS, LabelledSet.QUERIES, false);
        double[][] heldOut = quality("held-out set", HeldOutSet.DOCS, HeldOutSet.QUERIES, false);
        int pooledN = LabelledSet.QUERIES.size() + HeldOutSet.QUERIES.size();
        System.out.printf(Locale.ROOT, "%n## quality, pooled: extended labelled set + held-out set (%d queries), "
                + "embedding auto%n%n| ranking | recall@1 | recall@5 | MRR |%n|---|---|---|---|%n", pooledN);
        for (int mode = 0; mode < FusionVariants.NAMES.length; mode++) {
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", FusionVariants.NAMES[mode],
                    (extended[mode][2] + heldOut[mode][2]) / pooledN, (extended[mode][0] + heldOut[mode][0]) / pooledN,
                    (extended[mode][1] + heldOut[mode][1]) / pooledN);
        }
        quality("extended labelled set", LabelledSet.DOCS, LabelledSet.QUERIES, true);
        quality("held-out set", HeldOutSet.DOCS, HeldOutSet.QUERIES, true);
        if (qualityOnly) {
            return;
        }
        insertThroughput(inserts);
        scale(small, large, queries);
    }

    private static Fixture open(String name) throws IOException {
        return open(name, false);
    }

    private static Fixture open(String name, boolean crossLingual) throws IOException {
        Path dir = Files.createTempDirectory("openclaw-membench-" + name);
        Database db = Database.sqlite(dir.resolve("openclaw.db"));
        com.fasterxml.jackson.databind.node.ObjectNode cfg = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode();
        cfg.putObject("embedding").put("model", "auto").put("cross_lingual", crossLingual);
        MemoryEngine engine = MemoryEngine.open(db, dir, dir.resolve("workspace"), cfg, Clock.systemUTC(), null,
                Runnable::run);
        return new Fixture(dir, db, engine);
    }

    private record Fixture(Path dir, Database db, MemoryEngine engine) implements AutoCloseable {
        @Override
        public void close() {
            engine.close();
            db.close();
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                System.err.println("could not delete " + dir + ": " + e);
            }
        }
    }

    // ---------------------------------------------------------------- quality

    /** Measures one set; returns per ranking mode the sums {recall@5, reciprocal rank, recall@1} over its queries. */
    private static double[][] quality(String setName, Map<String, String> docs, List<LabelledSet.Query> queries,
                                boolean crossLingual) throws IOException {
        try (Fixture f = open("quality", crossLingual)) {
            MemoryService m = f.engine().service();
            Map<String, String> idToKey = new LinkedHashMap<>();
            new java.util.TreeMap<>(docs).forEach((key, text) -> idToKey.put(
                    m.add(new NewMemory(text, List.of(), null, null, MemoryScope.ownedBy("bench"), null)).id(), key));
            String[] modes = FusionVariants.NAMES;
            int hybrid = FusionVariants.HYBRID;
            Map<String, double[]> byKind = new LinkedHashMap<>();
            double[][] totals = new double[modes.length][3];
            StringBuilder misses = new StringBuilder();
            for (LabelledSet.Query q : queries) {
                List<SearchHit> hits = m.search(new MemoryQuery(q.text(), 50, 0.0, MemoryFilter.visibleTo(null),
                        null));
                for (int mode = 0; mode < modes.length; mode++) {
                    List<SearchHit> ranked = FusionVariants.rank(mode, hits);
                    int rank = 0;
                    for (int i = 0; i < ranked.size(); i++) {
                        if (q.answer().equals(idToKey.get(ranked.get(i).item().id()))) {
                            rank = i + 1;
                            break;
                        }
                    }
                    double recall = rank >= 1 && rank <= 5 ? 1 : 0;
                    double rr = rank == 0 ? 0 : 1.0 / rank;
                    totals[mode][0] += recall;
                    totals[mode][1] += rr;
                    totals[mode][2] += rank == 1 ? 1 : 0;
                    double[] k = byKind.computeIfAbsent(q.kind() + "|" + mode, x -> new double[3]);
                    k[0] += recall;
                    k[1] += rr;
                    k[2]++;
                    if (mode == hybrid && rank != 1) {
                        SearchHit top = ranked.isEmpty() ? null : ranked.get(0);
                        misses.append(String.format(Locale.ROOT, "- `%s` → answer %s at rank %s; top: %s%n",
                                q.text(), q.answer(), rank == 0 ? "none" : rank,
                                top == null ? "-" : idToKey.get(top.item().id()) + String.format(Locale.ROOT,
                                        " (score %.2f kw %.2f vec %.2f)", top.score(), top.keywordScore(),
                                        top.vectorScore())));
                    }
                }
                if (System.getProperty("memdump") != null) {
                    for (SearchHit h : hits) {
                        System.out.printf(Locale.ROOT, "DUMP\t%s\t%s\t%s\t%.4f\t%.4f%n", q.text(), q.answer(),
                                idToKey.get(h.item().id()), h.keywordScore(), h.vectorScore());
                    }
                }
                SearchHit answer = hits.stream().filter(h -> q.answer().equals(idToKey.get(h.item().id())))
                        .findFirst().orElse(null);
                System.out.printf(Locale.ROOT, "  %-5s %-4s %-50s answer score %s%n", q.kind(), q.answer(), q.text(),
                        answer == null ? "-" : String.format(Locale.ROOT, "%.2f (kw %.2f, vec %.2f)", answer.score(),
                                answer.keywordScore(), answer.vectorScore()));
            }
            int n = queries.size();
            System.out.printf(Locale.ROOT, "%n## quality, %s: %d facts, %d queries, embedding auto, cross_lingual %s%n%n",
                    setName, idToKey.size(), n, crossLingual);
            List<String> kindNames = queries.stream().map(LabelledSet.Query::kind).distinct().toList();
            System.out.println("| ranking | recall@1 | recall@5 | MRR | recall@5 " + String.join(" / ", kindNames)
                    + " | MRR " + String.join(" / ", kindNames) + " |");
            System.out.println("|---|---|---|---|---|---|");
            for (int mode = 0; mode < modes.length; mode++) {
                StringBuilder kinds = new StringBuilder();
                StringBuilder kindMrr = new StringBuilder();
                for (String kind : kindNames) {
                    double[] k = byKind.get(kind + "|" + mode);
                    kinds.append(kinds.isEmpty() ? "" : " / ").append(String.format(Locale.ROOT, "%.2f (%d)",
                            k[0] / k[2], (int) k[2]));
                    kindMrr.append(kindMrr.isEmpty() ? "" : " / ").append(String.format(Locale.ROOT, "%.2f",
                            k[1] / k[2]));
                }
                System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %s | %s |%n", modes[mode],
                        totals[mode][2] / n, totals[mode][0] / n, totals[mode][1] / n, kinds, kindMrr);
            }
            System.out.println();
            System.out.println("hybrid queries whose answer was not first:");
            System.out.print(misses);
            return totals;
        }
    }

    // ---------------------------------------------------------------- inserts

    private static void insertThroughput(int n) throws IOException {
        Random rnd = new Random(7);
        try (Fixture f = open("insert")) {
            MemoryService m = f.engine().service();
            for (int i = 0; i < 20; i++) {
                m.add(new NewMemory(text(rnd, i % 3 == 0), List.of(), null, null, MemoryScope.ownedBy("b"), null));
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                m.add(new NewMemory(text(rnd, i % 3 == 0), List.of("bench"), null, null, MemoryScope.ownedBy("b"),
                        null));
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%n## insert with embedding (one thread, 1/3 Chinese, durable on return)%n%n"
                    + "%d items in %.1f s = %.0f items/s (%.2f ms/item)%n", n, s, n / s, s * 1000 / n);
        }
    }

    // ---------------------------------------------------------------- scale

    private static void scale(int small, int large, int queries) throws Exception {
        Random rnd = new Random(11);
        try (Fixture f = open("scale")) {
            OnnxEmbeddings emb = new OnnxEmbeddings(OnnxEmbeddings.AUTO);
            List<float[]> enPool = new ArrayList<>();
            List<float[]> zhPool = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                boolean zh = i % 10 < 3;
                String t = text(rnd, zh);
                (zh ? zhPool : enPool).add(emb.embed(emb.modelFor(t), t));
            }
            JdbcMemoryStore store = new JdbcMemoryStore(f.db());
            LuceneMemoryIndex index = new LuceneMemoryIndex(f.dir().resolve("bulk-index"));
            // As the gateway wires it: the query is embedded on a virtual thread while the index searches by keyword.
            java.util.concurrent.ExecutorService embedThreads = java.util.concurrent.Executors
                    .newVirtualThreadPerTaskExecutor();
            MemoryService m = MemoryService.create(store, index, emb, ai.openclaw.memory.MemorySettings.DEFAULTS,
                    Clock.systemUTC(), embedThreads);
            MemoryService sequential = MemoryService.create(store, index, emb,
                    ai.openclaw.memory.MemorySettings.DEFAULTS, Clock.systemUTC());
            long rss0 = rssKb();
            long heap0 = heapUsed();
            System.out.printf(Locale.ROOT, "%n## scale (synthetic items, vectors reused from 1000 real embeddings + "
                    + "noise)%n%n");
            System.out.println("| items | load s | search p50 ms | p90 ms | p99 ms | of which: embedding p50 | BM25 p50 |"
                    + " HNSW p50 | DB fetch p50 | load avg | RSS MiB | heap MiB | repeated query p50 | p99 |"
                    + " sequential p50 | p99 | segments |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            int loaded = 0;
            long[] rssAt = new long[2];
            long[] heapAt = new long[2];
            int[] sizes = {small, large};
            for (int s = 0; s < 2; s++) {
                long t0 = System.nanoTime();
                while (loaded < sizes[s]) {
                    Map<MemoryItem, float[]> batch = new LinkedHashMap<>();
                    for (int i = 0; i < 1000 && loaded < sizes[s]; i++, loaded++) {
                        boolean zh = loaded % 10 < 3;
                        String t = text(rnd, zh);
                        float[] v = noisy((zh ? zhPool : enPool).get(rnd.nextInt(zh ? zhPool.size() : enPool.size())),
                                rnd);
                        Instant now = Instant.now();
                        batch.put(new MemoryItem(Ids.newId("mem"), t, List.of("t" + rnd.nextInt(50)),
                                MemoryType.LONG_TERM, "api", MemoryScope.ownedBy("bench"), now, now, null,
                                zh ? OnnxEmbeddings.BGE_ZH : OnnxEmbeddings.MINILM, v.length), v);
                    }
                    store.insertAll(batch);
                    index.upsertAll(batch);
                }
                index.commit(store.fingerprint());
                index.awaitMerges(); // measure the index at rest, not while background merges compete for the CPU
                double loadS = (System.nanoTime() - t0) / 1e9;
                List<String> qs = new ArrayList<>();
                for (int i = 0; i < queries + 50; i++) {
                    qs.add(shortQuery(rnd, i % 4 == 0));
                }
                long[] lat = new long[queries];
                long[] embLat = new long[queries];
                long[] kwLat = new long[queries];
                long[] knnLat = new long[queries];
                long[] dbLat = new long[queries];
                MemoryFilter filter = MemoryFilter.visibleTo("bench");
                long[] seq = new long[queries];
                for (int i = 0; i < qs.size(); i++) {
                    // A/B, interleaved: a new query on the calling thread alone, then the measured one as wired.
                    String other = shortQuery(rnd, i % 4 == 0);
                    long s0 = System.nanoTime();
                    sequential.search(new MemoryQuery(other, 5, 0.0, MemoryFilter.visibleTo("bench"), null));
                    if (i >= 50) {
                        seq[i - 50] = System.nanoTime() - s0;
                    }
                    String q = qs.get(i);
                    long a = System.nanoTime();
                    m.search(new MemoryQuery(q, 5, 0.0, MemoryFilter.visibleTo("bench"), null));
                    long b = System.nanoTime();
                    Map<String, float[]> vs = new LinkedHashMap<>();
                    for (String model : emb.queryModels(q)) {
                        vs.put(model, emb.embedUncached(model, q));
                    }
                    long c = System.nanoTime();
                    List<String> ids = new ArrayList<>();
                    index.keyword(q, filter, Instant.now(), 20).forEach(x -> ids.add(x.id()));
                    long d = System.nanoTime();
                    vs.forEach((model, v) -> index.nearest(model, v, filter, Instant.now(), 20)
                            .forEach(x -> ids.add(x.id())));
                    long e = System.nanoTime();
                    store.getAll(ids.subList(0, Math.min(10, ids.size())));
                    long g = System.nanoTime();
                    if (i >= 50) {
                        lat[i - 50] = b - a;
                        embLat[i - 50] = c - b;
                        kwLat[i - 50] = d - c;
                        knnLat[i - 50] = e - d;
                        dbLat[i - 50] = g - e;
                    }
                }
                long[] repeat = new long[queries];
                for (int i = 50; i < qs.size(); i++) {
                    long a = System.nanoTime();
                    m.search(new MemoryQuery(qs.get(i), 5, 0.0, MemoryFilter.visibleTo("bench"), null));
                    repeat[i - 50] = System.nanoTime() - a;
                }
                for (long[] x : List.of(lat, embLat, kwLat, knnLat, dbLat, repeat, seq)) {
                    Arrays.sort(x);
                }
                rssAt[s] = settledRssKb();
                heapAt[s] = heapUsed();
                System.out.printf(Locale.ROOT, "| %d | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %.0f |"
                        + " %.0f | %.2f | %.2f | %.2f | %.2f | %d |%n", loaded, loadS, pct(lat, 50), pct(lat, 90),
                        pct(lat, 99), pct(embLat, 50), pct(kwLat, 50), pct(knnLat, 50), pct(dbLat, 50), loadAvg(),
                        rssAt[s] / 1024.0, heapAt[s] / 1048576.0, pct(repeat, 50), pct(repeat, 99), pct(seq, 50),
                        pct(seq, 99), index.segmentCount());
            }
            double perItemRss = (rssAt[1] - rssAt[0]) * 1024.0 / (large - small);
            double perItemHeap = (heapAt[1] - heapAt[0]) * 1.0 / (large - small);
            double vectorBytes = 0.7 * 384 * 4 + 0.3 * 512 * 4;
            System.out.printf(Locale.ROOT, "%nRSS growth %d→%d items: %.0f bytes/item (vectors alone: %.0f bytes/item;"
                    + " beyond the vectors: %.0f bytes/item); Java heap growth: %.0f bytes/item. RSS at start of "
                    + "scale run: %.0f MiB, heap %.0f MiB.%n", small, large, perItemRss, vectorBytes,
                    perItemRss - vectorBytes, perItemHeap, rss0 / 1024.0, heap0 / 1048576.0);
            System.out.printf(Locale.ROOT, "On disk at %d items: index %.0f bytes/item, database %.0f bytes/item.%n",
                    large, size(f.dir().resolve("bulk-index")) * 1.0 / large,
                    (size(f.dir().resolve("openclaw.db")) + size(f.dir().resolve("openclaw.db-wal"))) * 1.0 / large);
            index.close();
            embedThreads.close();
        }
    }

    private static long size(Path p) throws IOException {
        if (!Files.exists(p)) {
            return 0;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(p)) {
            return files.filter(Files::isRegularFile).mapToLong(x -> x.toFile().length()).sum();
        }
    }

    private static float[] noisy(float[] base, Random rnd) {
        float[] v = new float[base.length];
        double n = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (base[i] + rnd.nextGaussian() * 0.02);
            n += v[i] * v[i];
        }
        float inv = (float) (1 / Math.sqrt(n));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static String word(Random rnd) {
        // Zipf-like over 20000 pseudo-words: rank r has weight 1/r.
        int r = (int) Math.floor(Math.exp(rnd.nextDouble() * Math.log(20_000)));
        return "w" + Integer.toString(r * 7919 % 20_011, 36);
    }

    private static String text(Random rnd, boolean zh) {
        StringBuilder b = new StringBuilder();
        int n = 8 + rnd.nextInt(12);
        for (int i = 0; i < n; i++) {
            b.append(zh ? CN_WORDS[rnd.nextInt(CN_WORDS.length)] : word(rnd));
            if (!zh) {
                b.append(' ');
            }
        }
        return b.toString().strip();
    }

    private static String shortQuery(Random rnd, boolean zh) {
        StringBuilder b = new StringBuilder();
        int n = 2 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            b.append(zh ? CN_WORDS[rnd.nextInt(CN_WORDS.length)] : word(rnd)).append(zh ? "" : " ");
        }
        return b.toString().strip();
    }

    private static long heapUsed() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long settledRssKb() throws InterruptedException {
        System.gc();
        Thread.sleep(500);
        return rssKb();
    }

    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static String loadAvg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** The integer after {@code name} on the command line, or {@code fallback}. */
    static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
