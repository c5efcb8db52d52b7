package ai.openclaw.store;

import ai.openclaw.auth.ApiKeyStore;
import ai.openclaw.session.SessionStore;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The gateway's database: SQLite by default (a file in the state dir, WAL mode), or PostgreSQL for scale-out.
 * The schema is created and upgraded by Flyway migrations at open (a SQLite file already at the latest version,
 * per its {@link SchemaStamp}, skips Flyway's class-path scan). Writes go through a group-commit writer and
 * are durable when they return; reads use a connection pool.
 */
public final class Database implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Database.class);
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final GroupCommitWriter writer;
    private final boolean sqlite;
    private final WalCheckpointer checkpointer;

    /** {@code sqliteFile} is the SQLite database file, or null for PostgreSQL. */
    private Database(HikariDataSource dataSource, Path sqliteFile, long checkpointPeriodMillis) {
        this.dataSource = dataSource;
        this.sqlite = sqliteFile != null;
        long t0 = System.nanoTime();
        if (sqlite && SchemaStamp.isCurrent(dataSource)) {
            LOG.debug("schema at version {}: no migration to run ({} ms)", SchemaStamp.VERSION,
                    (System.nanoTime() - t0) / 1_000_000);
        } else {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .loggers("slf4j").load().migrate();
            if (sqlite) {
                SchemaStamp.stamp(dataSource);
            }
            LOG.debug("schema migrated in {} ms", (System.nanoTime() - t0) / 1_000_000);
        }
        this.jdbi = Jdbi.create(dataSource);
        this.checkpointer = sqlite ? new WalCheckpointer(dataSource, sqliteFile, checkpointPeriodMillis) : null;
        this.writer = new GroupCommitWriter(jdbi, checkpointer);
    }

    /**
     * Loads the SQLite driver's native library now (it extracts and checks a copy of it: ~0.1 s), so that a later
     * {@link #sqlite} does not wait for it; for a helper thread at start-up. Never throws: a failure shows again,
     * reported, when the database opens.
     */
    public static void warmUp() {
        try {
            org.sqlite.SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError e) {
            // only an optimisation
        }
    }

    /**
     * Opens (creating if needed) a SQLite database file in WAL mode with {@code synchronous=NORMAL}: a committed
     * write survives a crash of the gateway process. Write transactions begin {@code IMMEDIATE}, so contention with
     * other connections waits (up to 10 s) rather than failing with {@code SQLITE_BUSY}.
     *
     * @param file the database file; its directory is created if missing
     * @throws UncheckedIOException if the directory cannot be created
     * @throws org.flywaydb.core.api.FlywayException if migrating the schema fails
     */
    public static Database sqlite(Path file) {
        return sqlite(file, WalCheckpointer.PERIOD_MS);
    }

    /** {@link #sqlite(Path)} with the background WAL checkpoint every {@code checkpointPeriodMillis} ms (0: none). */
    static Database sqlite(Path file, long checkpointPeriodMillis) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create database directory for " + file, e);
        }
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("openclaw-sqlite");
        // transaction_mode=IMMEDIATE: a write transaction takes the write lock at BEGIN, waiting up to busy_timeout
        // for it, instead of upgrading a read lock later, which fails at once with SQLITE_BUSY when another
        // connection (db-scheduler's, the memory store's) wrote in between
        hc.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath() + "?journal_mode=WAL&synchronous=NORMAL"
                + "&transaction_mode=IMMEDIATE&busy_timeout=10000&foreign_keys=true&cache_size=-4000");
        hc.setMaximumPoolSize(6);
        hc.setMinimumIdle(2);
        return new Database(new HikariDataSource(hc), file, checkpointPeriodMillis);
    }

    /**
     * Opens a PostgreSQL database.
     *
     * @param jdbcUrl {@code jdbc:postgresql://host:port/db}
     * @param user the user name
     * @param password the password, or null
     * @throws org.flywaydb.core.api.FlywayException if migrating the schema fails
     */
    public static Database postgres(String jdbcUrl, String user, String password) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("openclaw-postgres");
        hc.setJdbcUrl(jdbcUrl);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(16);
        return new Database(new HikariDataSource(hc), null, 0);
    }

    /** The session and message store. */
    public SessionStore sessionStore() {
        return new JdbcSessionStore(this);
    }

    /** The agent store (issue 3). */
    public ai.openclaw.agent.AgentStore agentStore() {
        return new JdbcAgentStore(this);
    }

    /** The sub-agent state store (issue 3). */
    public ai.openclaw.agent.SpawnStore spawnStore() {
        return new JdbcSpawnStore(this);
    }

    /** The stored files' metadata store (issue 13). */
    public ai.openclaw.file.FileStore fileStore() {
        return new JdbcFileStore(this);
    }

    /** The API key store. */
    public ApiKeyStore apiKeyStore() {
        return new JdbcApiKeyStore(this);
    }

    /** The device and pairing store (issue 14, WebSocket gateway protocol). */
    public ai.openclaw.device.DeviceStore deviceStore() {
        return new JdbcDeviceStore(this);
    }

    /** Whether this is SQLite (else PostgreSQL). */
    public boolean isSqlite() {
        return sqlite;
    }

    /** The pooled data source, for stores in other modules. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs a write in a committed transaction (group-committed with concurrent writes); durable on return. */
    public void write(Consumer<Handle> work) {
        writer.write(work);
    }

    /**
     * Runs a plain-JDBC write (statements prepared once on the writer's connection, rows batched across the group)
     * in a committed transaction; durable on return. For the hot write paths of this module's stores.
     */
    void writeSql(GroupCommitWriter.SqlWork work) {
        writer.writeSql(work);
    }

    /** Runs a read on a pooled connection. */
    public <T> T read(Function<Handle, T> work) {
        return jdbi.withHandle(work::apply);
    }

    @Override
    public void close() {
        writer.close();
        if (checkpointer != null) {
            checkpointer.close();
        }
        dataSource.close();
    }
}
