package ai.openclaw.memory.engine;

import ai.openclaw.memory.MemoryService;
import ai.openclaw.memory.MemorySettings;
import ai.openclaw.store.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Memory, wired: the database store, the Lucene index under {@code <state>/memory/index}, the ONNX embedding models,
 * and the workspace file indexer. At {@link #open} the index is reconciled with the database (rebuilt when missing
 * or stale) and the workspace files are indexed (in the background when a scheduler is given); then, on the
 * scheduler, workspace files are re-checked every
 * {@code memory.workspace.poll_seconds} (default 5), the index is committed every 5 s when it changed, and expired
 * items are purged every minute.
 *
 * <p>Config ({@code memory:} in {@code config.yaml}): {@code embedding.model} ({@code auto} default,
 * {@code all-minilm-l6-v2-q}, {@code bge-small-zh-v15-q}), {@code embedding.cross_lingual} (false; with
 * {@code auto}, also embed English queries with bge-small-zh to find Chinese facts), {@code max_content_chars} (8000), {@code default_limit}
 * (5), {@code max_limit} (50), {@code default_min_score} (0.35), {@code workspace.poll_seconds} (5; 0 disables).
 */
public final class MemoryEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("openclaw.memory");
    /**
     * Lucene reports through java.util.logging whether it found the JDK's vector module (an INFO, or a WARNING when
     * it did not); we say it in our own log line instead. Held so the level sticks (JUL keeps loggers weakly).
     */
    private static final java.util.logging.Logger LUCENE_JUL = quietLucene();

    private final LuceneMemoryIndex index;
    private final MemoryService service;
    private final WorkspaceMemory workspace;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();

    private MemoryEngine(LuceneMemoryIndex index, MemoryService service, WorkspaceMemory workspace) {
        this.index = index;
        this.service = service;
        this.workspace = workspace;
    }

    /**
     * Opens memory.
     *
     * @param db the gateway database (tables from migration V3)
     * @param stateDir the state dir; the index lives in {@code memory/index} below it
     * @param workspaceDir the agent workspace holding {@code MEMORY.md} and {@code memory/}
     * @param config the {@code memory} config node (missing → defaults)
     * @param clock the time source
     * @param scheduler runs the periodic work; null to run none (tests, benchmarks)
     * @param searchExecutor runs each search's query embedding while the index is searched by keyword;
     *     {@code Runnable::run} for none
     * @throws IllegalArgumentException for an invalid config value (the message names it)
     * @throws java.io.UncheckedIOException when the index cannot be opened
     */
    public static MemoryEngine open(Database db, Path stateDir, Path workspaceDir, JsonNode config, Clock clock,
                                    ScheduledExecutorService scheduler, Executor searchExecutor) {
        JsonNode c = config == null ? MissingNode.getInstance() : config;
        OnnxEmbeddings embeddings = new OnnxEmbeddings(c.path("embedding").path("model").asText(OnnxEmbeddings.AUTO),
                c.path("embedding").path("cross_lingual").asBoolean(false));
        MemorySettings d = MemorySettings.DEFAULTS;
        MemorySettings settings;
        try {
            settings = new MemorySettings(c.path("max_content_chars").asInt(d.maxContentChars()),
                    c.path("default_limit").asInt(d.defaultLimit()), c.path("max_limit").asInt(d.maxLimit()),
                    c.path("default_min_score").asDouble(d.defaultMinScore()), c.path("max_tags").asInt(d.maxTags()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid memory config: check memory.max_content_chars, "
                    + "memory.default_limit, memory.max_limit, memory.default_min_score (0..1)", e);
        }
        LuceneMemoryIndex index = new LuceneMemoryIndex(stateDir.resolve("memory").resolve("index"));
        try {
            MemoryService service = MemoryService.create(new JdbcMemoryStore(db), index, embeddings, settings, clock,
                    searchExecutor);
            service.reconcile();
            WorkspaceMemory ws = new WorkspaceMemory(workspaceDir, stateDir.resolve("workspaces"), service);
            MemoryEngine engine = new MemoryEngine(index, service, ws);
            if (scheduler == null) {
                ws.sync();
            } else {
                // Indexing the workspace files needs the embedding models (a second or two to load): do it in the
                // background so the gateway is ready at once.
                int poll = c.path("workspace").path("poll_seconds").asInt(5);
                if (poll > 0) {
                    engine.tasks.add(scheduler.scheduleWithFixedDelay(guard("workspace memory sync", ws::sync), 0,
                            poll, TimeUnit.SECONDS));
                } else {
                    engine.tasks.add(scheduler.schedule(guard("workspace memory sync", ws::sync), 0,
                            TimeUnit.SECONDS));
                }
                engine.tasks.add(scheduler.scheduleWithFixedDelay(guard("memory index commit", service::flush), 5, 5,
                        TimeUnit.SECONDS));
                engine.tasks.add(scheduler.scheduleWithFixedDelay(guard("memory expiry", service::purgeExpired), 60,
                        60, TimeUnit.SECONDS));
            }
            LOG.info("memory ready: embedding model {}, {} items, vector search {}", embeddings.configured(),
                    service.list(ai.openclaw.memory.MemoryFilter.visibleTo(null), 0, 1).total(),
                    ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() ? "SIMD (jdk.incubator.vector)"
                            : "scalar (add --add-modules jdk.incubator.vector to the JVM options for SIMD)");
            return engine;
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    /**
     * With memories stored, runs one English and one Chinese search now, so the embedding models (a second or two to
     * load), the analyzers' dictionaries and the index are loaded before the first search or agent turn needs them;
     * an empty memory loads nothing. The gateway calls it in the background once it is listening (not before: it
     * would compete with start-up for the CPU).
     */
    public void warmUp() {
        if (index.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        for (String query : new String[] {"warm up", "预热"}) {
            service.search(new ai.openclaw.memory.MemoryQuery(query, 1, 1.0,
                    ai.openclaw.memory.MemoryFilter.visibleTo(null), null));
        }
        LOG.info("memory search warmed up in {} ms (embedding models loaded)", (System.nanoTime() - t0) / 1_000_000);
    }

    private static java.util.logging.Logger quietLucene() {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");
        l.setLevel(java.util.logging.Level.SEVERE);
        return l;
    }

    private static Runnable guard(String what, Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("{} failed: {}", what, e.toString());
            }
        };
    }

    /** The memory service. */
    public MemoryService service() {
        return service;
    }

    /** Re-checks the workspace memory files now; returns how many files were re-indexed or removed. */
    public int syncWorkspace() {
        return workspace.sync();
    }

    /** Stops the periodic work, commits the index and closes it. */
    @Override
    public void close() {
        tasks.forEach(t -> t.cancel(false));
        try {
            service.flush();
        } catch (RuntimeException e) {
            LOG.warn("memory index commit at shutdown failed (it will be rebuilt at next start): {}", e.toString());
        }
        index.close();
    }
}
