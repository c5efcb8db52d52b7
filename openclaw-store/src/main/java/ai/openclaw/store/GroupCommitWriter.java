package ai.openclaw.store;

import ai.openclaw.error.OpenClawException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one writer thread runs queued write jobs, many to a transaction, and completes each caller only
 * after its transaction committed. SQLite allows one writer at a time; batching turns many small commits into
 * few. If a batch fails, its jobs are retried one per transaction so one bad job fails alone.
 *
 * <p>The writer keeps one connection (a Jdbi {@link Handle}) for its life, reopened only after a failure left it
 * unusable. Hot-path jobs ({@link SqlWork}) run on plain JDBC with prepared statements that stay prepared on that
 * connection across transactions, and may add rows to a statement's batch: the rows of every job of a group go
 * to the database in one {@code executeBatch} per statement, before the next {@link Handle} job of the group runs
 * and before the commit.
 */
final class GroupCommitWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int MAX_BATCH = 256;
    private static final int BUSY_RETRIES = 5;

    /** A write job on plain JDBC over the writer's cached statements. */
    @FunctionalInterface
    interface SqlWork {
        /**
         * Runs inside the group's transaction.
         *
         * @throws SQLException to fail the job (and its group's transaction, which is then retried job by job)
         */
        void run(Statements statements) throws SQLException;
    }

    /** The writer connection's prepared statements, kept across transactions. */
    static final class Statements {
        private final Map<String, PreparedStatement> cache = new HashMap<>();
        private final Set<PreparedStatement> pending = new LinkedHashSet<>();
        private Connection connection;

        /** A prepared statement to execute now (parameters cleared). */
        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement ps = cache.get(sql);
            if (ps == null) {
                ps = connection.prepareStatement(sql);
                cache.put(sql, ps);
            } else {
                ps.clearParameters();
            }
            return ps;
        }

        /**
         * A prepared statement whose rows ({@code addBatch}) run together with the other jobs' rows of the group:
         * once per group commit, after the job returns. No other job of the group may read those rows.
         */
        PreparedStatement batch(String sql) throws SQLException {
            PreparedStatement ps = cache.get(sql);
            if (ps == null) {
                ps = connection.prepareStatement(sql);
                cache.put(sql, ps);
            }
            pending.add(ps);
            return ps;
        }

        void flush() throws SQLException {
            if (pending.isEmpty()) {
                return;
            }
            try {
                for (PreparedStatement ps : pending) {
                    ps.executeBatch();
                }
            } finally {
                pending.clear();
            }
        }

        void discardPending() {
            for (PreparedStatement ps : pending) {
                try {
                    ps.clearBatch();
                } catch (SQLException e) {
                    // the statement goes with the connection if that is broken
                }
            }
            pending.clear();
        }

        void bind(Connection c) {
            close();
            this.connection = c;
        }

        void close() {
            discardPending();
            for (PreparedStatement ps : cache.values()) {
                try {
                    ps.close();
                } catch (SQLException e) {
                    // closing is all we want
                }
            }
            cache.clear();
            connection = null;
        }
    }

    private record Job(Consumer<Handle> work, SqlWork sql, CompletableFuture<Void> done) {
    }

    private final Jdbi jdbi;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final ExecutorService thread;
    private final Statements statements = new Statements();
    private Handle handle;
    private volatile boolean running = true;

    /** SQLite's off-the-write-path checkpoints, or null (PostgreSQL). */
    private final WalCheckpointer checkpointer;

    GroupCommitWriter(Jdbi jdbi, WalCheckpointer checkpointer) {
        this.jdbi = jdbi;
        this.checkpointer = checkpointer;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "openclaw-db-writer");
            t.setDaemon(true);
            return t;
        });
        thread.execute(this::loop);
    }

    /** Runs {@code work} in a committed transaction; returns once it is durable. */
    void write(Consumer<Handle> work) {
        submit(new Job(work, null, new CompletableFuture<>()));
    }

    /** Runs {@code work} (plain JDBC, cached statements, batched rows) in a committed transaction; durable on return. */
    void writeSql(SqlWork work) {
        submit(new Job(null, work, new CompletableFuture<>()));
    }

    private void submit(Job job) {
        if (!running) {
            throw new IllegalStateException("database is closed");
        }
        queue.add(job);
        try {
            job.done().join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OpenClawException oe) {
                throw oe;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    private void loop() {
        List<Job> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (running || !queue.isEmpty()) {
                try {
                    Job first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    if (checkpointer != null && checkpointer.writerShouldCheckpoint()) {
                        checkpointBetweenGroups();
                    }
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                    runBatch(batch);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } finally {
                    batch.clear();
                }
            }
        } finally {
            closeHandle();
        }
    }

    /** The WAL restart pass between two groups; a connection that cannot be opened now fails the next group. */
    private void checkpointBetweenGroups() {
        try {
            checkpointer.checkpointOnWriter(handle().getConnection());
        } catch (RuntimeException e) {
            LOG.debug("no WAL checkpoint between groups: {}", e.getMessage());
        }
    }

    private void runBatch(List<Job> batch) {
        try {
            transaction(batch);
            batch.forEach(j -> j.done().complete(null));
        } catch (RuntimeException batchError) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(batchError);
                return;
            }
            for (Job j : batch) {
                try {
                    transaction(List.of(j));
                    j.done().complete(null);
                } catch (RuntimeException e) {
                    j.done().completeExceptionally(e);
                }
            }
        } catch (Error e) {
            LOG.error("database writer failed", e);
            batch.forEach(j -> j.done().completeExceptionally(e));
        }
    }

    /** Runs one transaction; storage contention (SQLITE_BUSY / locked) is retried at once, a few times. */
    private void transaction(List<Job> jobs) {
        for (int attempt = 1; ; attempt++) {
            try {
                handle().useTransaction(h -> {
                    try {
                        for (Job j : jobs) {
                            if (j.sql() != null) {
                                j.sql().run(statements);
                            } else {
                                statements.flush();
                                j.work().accept(h);
                            }
                        }
                        statements.flush();
                    } catch (SQLException e) {
                        throw new StoreFailure(e);
                    } finally {
                        statements.discardPending();
                    }
                });
                return;
            } catch (RuntimeException e) {
                checkHandle();
                RuntimeException failure = e instanceof StoreFailure sf ? sf.unwrap() : e;
                if (attempt >= BUSY_RETRIES || !busy(failure)) {
                    throw failure;
                }
                LOG.debug("database busy (attempt {}); retrying the transaction", attempt);
            }
        }
    }

    private Handle handle() {
        if (handle == null) {
            handle = jdbi.open();
            if (checkpointer != null) {
                try {
                    WalCheckpointer.configureWriter(handle.getConnection());
                } catch (SQLException e) {
                    handle.close();
                    handle = null;
                    throw new StoreFailure(e).unwrap();
                }
            }
            statements.bind(handle.getConnection());
        }
        return handle;
    }

    /** After a failed transaction: a connection that is no longer usable is replaced before the next one. */
    private void checkHandle() {
        if (handle == null) {
            return;
        }
        boolean usable;
        try {
            usable = handle.getConnection().isValid(2);
        } catch (SQLException e) {
            usable = false;
        }
        if (!usable) {
            LOG.warn("database writer connection lost; reopening");
            closeHandle();
        }
    }

    private void closeHandle() {
        statements.close();
        if (handle != null) {
            try {
                handle.close();
            } catch (RuntimeException e) {
                LOG.debug("closing the writer connection failed", e);
            }
            handle = null;
        }
    }

    /** A {@link SQLException} of a {@link SqlWork} job on its way out of the transaction. */
    private static final class StoreFailure extends RuntimeException {
        StoreFailure(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
        }

        RuntimeException unwrap() {
            return new IllegalStateException("database write failed: " + getMessage(), getCause());
        }
    }

    /** Whether {@code e} is SQLite's "database is busy/locked" (another connection holds the write lock). */
    static boolean busy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("SQLITE_BUSY") || m.contains("SQLITE_LOCKED")
                    || m.contains("database is locked"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    @Override
    public void close() {
        running = false;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
