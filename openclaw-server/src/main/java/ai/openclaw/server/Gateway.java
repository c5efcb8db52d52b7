package ai.openclaw.server;

import ai.openclaw.agent.AgentRuntime;
import ai.openclaw.auth.AuthService;
import ai.openclaw.auth.RateLimitConfig;
import ai.openclaw.auth.RateLimiter;
import ai.openclaw.config.ConfigDocument;
import ai.openclaw.config.GatewayConfig;
import ai.openclaw.event.EventBus;
import ai.openclaw.llm.ModelCatalog;
import ai.openclaw.memory.MemoryService;
import ai.openclaw.memory.engine.MemoryEngine;
import ai.openclaw.provider.Providers;
import ai.openclaw.server.access.BudgetedConversations;
import ai.openclaw.server.http.Http;
import ai.openclaw.session.ConversationService;
import ai.openclaw.session.ConversationSettings;
import ai.openclaw.store.Database;
import ai.openclaw.util.Ids;
import ai.openclaw.util.SecretCipher;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gateway: config loaded, database migrated, providers built, HTTP listening. {@link #start} logs
 * {@code gateway listening on http://HOST:PORT} when ready (DESIGN.md §4); {@link #close} stops it.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("openclaw.gateway");
    /** The gateway's version. */
    public static final String VERSION = "2026.11.0";

    private final Database database;
    private final GatewayHttp http;
    private final GatewayServices services;
    private final ScheduledExecutorService housekeeping;
    private final MemoryEngine memory;
    private final String host;
    private final int port;
    private final String token;
    private final ai.openclaw.server.metrics.GatewayMetrics metrics;
    private final ai.openclaw.server.metrics.MetricsListener metricsListener;
    private final ai.openclaw.server.mcp.McpClients mcpClients;
    private final StateLock lock;
    private final ConfigReloader reloader;

    private Gateway(Database database, GatewayHttp http, GatewayServices services,
                    ScheduledExecutorService housekeeping, MemoryEngine memory, String host, int port,
                    String token, ai.openclaw.server.metrics.GatewayMetrics metrics,
                    ai.openclaw.server.metrics.MetricsListener metricsListener,
                    ai.openclaw.server.mcp.McpClients mcpClients, StateLock lock, ConfigReloader reloader) {
        this.lock = lock;
        this.reloader = reloader;
        this.mcpClients = mcpClients;
        this.metrics = metrics;
        this.metricsListener = metricsListener;
        this.database = database;
        this.http = http;
        this.services = services;
        this.housekeeping = housekeeping;
        this.memory = memory;
        this.host = host;
        this.port = port;
        this.token = token;
    }

    /**
     * Starts a gateway.
     *
     * @param options where the state is and how to listen
     * @return the running gateway
     * @throws IllegalArgumentException for an invalid config (the message names the config path), or when binding
     *     beyond loopback without a configured token
     * @throws UncheckedIOException when the state dir cannot be created
     * @throws IllegalStateException when a gateway already runs on the state dir (its {@code gateway.lock} names the
     *     pid and port)
     */
    public static Gateway start(GatewayOptions options) {
        Instant startedAt = options.clock().instant();
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(options.paths().stateDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create state dir " + options.paths().stateDir(), e);
        }
        StateLock lock = StateLock.acquire(options.paths().stateDir());
        // Start-up runs slow, independent inits in parallel: SQLite's native library and the HTTP stack's class
        // loading (on a helper thread, from here) and the config load, database open and migration (on this one).
        java.util.concurrent.CompletableFuture<Void> warmHttp = java.util.concurrent.CompletableFuture.runAsync(
                () -> {
                    Database.warmUp();
                    GatewayHttp.warmUp();
                });
        try {
            return start(options, startedAt, t0, lock, warmHttp);
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    private static Gateway start(GatewayOptions options, Instant startedAt, long t0, StateLock lock,
                                 java.util.concurrent.CompletableFuture<Void> warmHttp) {
        ConfigDocument doc = ConfigDocument.load(options.paths().configFile(), options.env());
        GatewayConfig config = GatewayConfig.from(doc);
        for (ai.openclaw.config.ConfigProblem problem : ai.openclaw.config.ConfigValidator.validate(doc.resolved(),
                doc.file())) {
            LOG.warn("config: {} (ignored; `openclaw config validate` lists every problem)",
                    problem.format(doc.file().toString()));
        }
        String bind = options.bind() != null ? options.bind() : config.bind();
        String host = host(bind);
        String token = options.env().get("OPENCLAW_GATEWAY_TOKEN");
        boolean configured = true;
        if (token == null || token.isBlank()) {
            token = config.token();
        }
        if (token == null || token.isBlank()) {
            configured = false;
            token = Ids.newSecret(48);
            doc.set("gateway.auth.token", token);
            doc.save();
            LOG.info("generated a gateway token and saved it to {} (show it with: openclaw config get "
                    + "gateway.auth.token)", doc.file());
        }
        if (!configured && !isLoopback(host)) {
            throw new IllegalArgumentException("refusing to bind to " + bind + " without a configured gateway token: "
                    + "set OPENCLAW_GATEWAY_TOKEN or gateway.auth.token first");
        }
        LOG.debug("config loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
        Database db = openDatabase(config, options.paths());
        LOG.debug("database ready in {} ms", (System.nanoTime() - t0) / 1_000_000);
        BackgroundWork[] started = new BackgroundWork[1];
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "openclaw-housekeeping");
            t.setDaemon(true);
            return t;
        });
        MemoryEngine memory = null;
        CompletableFuture<MemoryEngine> memoryOpening = null;
        ai.openclaw.server.metrics.GatewayMetrics metrics = null;
        ai.openclaw.server.metrics.MetricsListener metricsListener = null;
        ai.openclaw.server.mcp.McpClients mcpClients = null;
        try {
            // the memory engine (Lucene index, reconcile with the database: ~0.25 s) opens beside the wiring below;
            // what needs memory meanwhile gets a service that waits for it
            memoryOpening = CompletableFuture.supplyAsync(() -> MemoryEngine.open(db, options.paths().stateDir(),
                    options.paths().workspace(), config.tree().path("memory"), options.clock(), housekeeping,
                    Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("openclaw-embed-", 0).factory())),
                    r -> Thread.ofPlatform().daemon().name("openclaw-memory-open").start(r));
            MemoryService memoryService = new DeferredMemoryService(memoryOpening.thenApply(MemoryEngine::service));
            ModelCatalog catalog = Providers.catalog(config);
            EventBus events = EventBus.inProcess();
            RateLimiter limits = RateLimiter.create(RateLimitConfig.from(config), events, options.clock());
            AgentRuntime agents = AgentRuntime.create(config, options.paths(), catalog, db.agentStore(), events,
                    options.clock(), Executors.newVirtualThreadPerTaskExecutor(),
                    memoryService, db.spawnStore());
            ConversationService core = ConversationService.create(db.sessionStore(), catalog, events,
                    options.clock(), ConversationSettings.DEFAULTS, agents.engine());
            agents.attach(core);
            ai.openclaw.server.ws.WsGateway ws = ai.openclaw.server.ws.WsGateway.create(events, options.clock());
            metrics = new ai.openclaw.server.metrics.GatewayMetrics();
            ConversationService conversations = ai.openclaw.server.metrics.MeteredConversations.wrap(
                    ws.tap(BudgetedConversations.wrap(core, limits)), metrics.registry());
            AuthService auth = AuthService.create(db.apiKeyStore(), token, options.clock());
            BackgroundWork background = BackgroundWork.start(config, db, events, conversations,
                    options.clock(), SecretCipher.load(options.paths().stateDir(), options.env()),
                    owner -> options.paths().workspace());
            started[0] = background;
            ai.openclaw.file.FileService files = StoredFiles.open(config, options.paths(), db, options.clock());
            GatewayServices services = new GatewayServices(config, doc, conversations, auth, events, options.clock(),
                    startedAt, VERSION, limits, background, agents, memoryService,
                    files);
            agents.attachFiles(StoredFiles.attachments(core, files));
            Http.useClock(options.clock());
            LOG.debug("services wired in {} ms", (System.nanoTime() - t0) / 1_000_000);
            ai.openclaw.server.metrics.BacklogGauges.bind(metrics.registry(), new ai.openclaw.store.BacklogStats(db),
                    options.clock());
            ws.bind(services, db.deviceStore(), token);
            // the HTTP stack's classes, loaded on the helper thread while the services above were wired, and the
            // memory engine, opened beside them: before the port opens, so a failure to open leaves nothing bound
            warmHttp.join();
            memory = openedMemory(memoryOpening);
            GatewayHttp http = new GatewayHttp(services, ws, metrics);
            // what only some requests need is built on this thread while start-up goes on (and after it: the
            // port is announced without waiting); it ends when its work is done
            ExecutorService prepare = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "openclaw-prepare");
                t.setDaemon(true);
                return t;
            });
            int port;
            try {
                port = http.start(host, options.port() != null ? options.port() : config.port(), prepare);
            } finally {
                prepare.shutdown();
            }
            lock.listening(port);
            ConfigReloader reloader = ConfigReloader.start(doc.file(), options.env(), services, http);
            mcpClients = ai.openclaw.server.mcp.McpClients.start(config.tree(), agents.tools(), options.clock());
            JsonNode metricsConfig = config.tree().path("gateway").path("metrics");
            if (metricsConfig.hasNonNull("bind")) {
                metricsListener = ai.openclaw.server.metrics.MetricsListener.start(metricsConfig.path("bind").asText(),
                        metricsConfig.path("token").asText(null), metrics);
                LOG.info("metrics listening on http://{}/metrics", metricsConfig.path("bind").asText()
                        .replaceAll(":\\d+$", ":" + metricsListener.port()));
            }
            housekeeping.scheduleWithFixedDelay(() -> {
                try {
                    db.sessionStore().deleteExpired(options.clock().instant());
                } catch (RuntimeException e) {
                    LOG.warn("expired-session cleanup failed: {}", e.toString());
                }
            }, 1, 5, TimeUnit.MINUTES);
            if (catalog.defaultIsOffline()) {
                LOG.info("no model provider configured: answering with builtin/offline (not a language model); "
                        + "add one under models.providers in {}", doc.file());
            } else {
                LOG.info("default model {}", catalog.defaultModel());
            }
            long readyMs = System.currentTimeMillis()
                    - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.info("gateway listening on http://{}:{} (ready {} ms after JVM start; state dir {})",
                    displayHost(host), port, readyMs, options.paths().stateDir());
            MemoryEngine warm = memory;
            housekeeping.execute(() -> {
                try {
                    warm.warmUp();
                } catch (RuntimeException e) {
                    LOG.warn("memory warm-up failed (the first search will load the models): {}", e.toString());
                }
            });
            return new Gateway(db, http, services, housekeeping, memory, host, port, token, metrics, metricsListener,
                    mcpClients, lock, reloader);
        } catch (RuntimeException e) {
            if (metricsListener != null) {
                metricsListener.close();
            }
            if (mcpClients != null) {
                mcpClients.close();
            }
            if (metrics != null) {
                metrics.close();
            }
            if (started[0] != null) {
                started[0].close();
            }
            if (memory != null) {
                memory.close();
            } else if (memoryOpening != null) {
                // still opening (it uses the database closed below): wait for it, and close it if it opened
                try {
                    memoryOpening.join().close();
                } catch (RuntimeException notOpened) {
                    // nothing to close
                }
            }
            housekeeping.shutdownNow();
            db.close();
            throw e;
        }
    }

    /**
     * The memory engine once open.
     *
     * @throws RuntimeException what opening it threw
     */
    private static MemoryEngine openedMemory(CompletableFuture<MemoryEngine> opening) {
        try {
            return opening.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * Opens the database the config names: {@code storage.type: postgres} with {@code url}/{@code user}/
     * {@code password}, else SQLite at {@code storage.path} or the state dir's {@code openclaw.db}.
     */
    public static Database openDatabase(GatewayConfig config, ai.openclaw.config.StatePaths paths) {
        JsonNode storage = config.tree().path("storage");
        if ("postgres".equals(storage.path("type").asText()) || "postgresql".equals(storage.path("type").asText())) {
            return Database.postgres(storage.path("url").asText(), storage.path("user").asText(null),
                    storage.path("password").asText(null));
        }
        String file = storage.path("path").asText("");
        return Database.sqlite(file.isBlank() ? paths.database() : java.nio.file.Path.of(file));
    }

    private static String host(String bind) {
        return switch (bind) {
            case "loopback", "localhost" -> "127.0.0.1";
            case "lan", "all" -> "0.0.0.0";
            default -> bind;
        };
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("::1") || host.startsWith("127.");
    }

    private static String displayHost(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** The port the gateway listens on. */
    public int port() {
        return port;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:18789}. */
    public String baseUrl() {
        return "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : displayHost(host)) + ":" + port;
    }

    /** The gateway token in force. */
    public String token() {
        return token;
    }

    /** Memory, wired (for tests and benchmarks: e.g. re-checking workspace files now). */
    public MemoryEngine memory() {
        return memory;
    }

    /** Every registered HTTP route as {@code METHOD path} (e.g. {@code GET /api/v1/sessions/{id}}), for tests. */
    public java.util.List<String> routes() {
        return http.routes();
    }

    /** The separate metrics listener's port ({@code gateway.metrics.bind}), or 0 when there is none. */
    public int metricsPort() {
        return metricsListener == null ? 0 : metricsListener.port();
    }

    /** The wired services (for tests and embedding). */
    public GatewayServices services() {
        return services;
    }

    /** Stops listening and closes the database; acknowledged writes are already durable. */
    @Override
    public void close() {
        if (reloader != null) {
            reloader.close();
        }
        http.stop();
        if (metricsListener != null) {
            metricsListener.close();
        }
        mcpClients.close();
        metrics.close();
        services.background().close();
        services.agents().close();
        housekeeping.shutdownNow();
        try {
            // let a running memory job (workspace sync, index commit) finish before its index and database close
            housekeeping.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        memory.close();
        database.close();
        lock.close();
    }
}
