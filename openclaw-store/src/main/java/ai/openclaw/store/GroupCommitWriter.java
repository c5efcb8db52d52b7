package ai.openclaw.store;

import ai.openclaw.error.OpenClawException;
import java.util.ArrayList;
import java.util.List;
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
 */
final class GroupCommitWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int MAX_BATCH = 256;
    private static final int BUSY_RETRIES = 5;

    private record Job(Consumer<Handle> work, CompletableFuture<Void> done) {
    }

    private final Jdbi jdbi;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final ExecutorService thread;
    private volatile boolean running = true;

    GroupCommitWriter(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "openclaw-db-writer");
            t.setDaemon(true);
            return t;
        });
        thread.execute(this::loop);
    }

    /** Runs {@code work} in a committed transaction; returns once it is durable. */
    void write(Consumer<Handle> work) {
        if (!running) {
            throw new IllegalStateException("database is closed");
        }
        Job job = new Job(work, new CompletableFuture<>());
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
        while (running || !queue.isEmpty()) {
            try {
                Job first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
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
    }

    private void runBatch(List<Job> batch) {
        try {
            transaction(h -> {
                for (Job j : batch) {
                    j.work().accept(h);
                }
            });
            batch.forEach(j -> j.done().complete(null));
        } catch (RuntimeException batchError) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(batchError);
                return;
            }
            for (Job j : batch) {
                try {
                    transaction(j.work());
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
    private void transaction(Consumer<Handle> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbi.useTransaction(work::accept);
                return;
            } catch (RuntimeException e) {
                if (attempt >= BUSY_RETRIES || !busy(e)) {
                    throw e;
                }
                LOG.debug("database busy (attempt {}); retrying the transaction", attempt);
            }
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
