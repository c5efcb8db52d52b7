package ai.openclaw.store;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite WAL checkpoints off the write path. The group-commit writer's connection runs with
 * {@code wal_autocheckpoint=0}, so no commit copies the WAL back into the database file (SQLite's automatic
 * checkpoint ran inside the commit that crossed 1,000 pages and stalled every turn of that group). Instead this
 * runs {@code PRAGMA wal_checkpoint(PASSIVE)} on a pooled connection every {@link #PERIOD_MS} ms: it copies what no
 * reader still needs while the writer keeps committing.
 *
 * <p>A passive checkpoint alone never lets the WAL restart under sustained writes (new frames land while it runs,
 * so it never catches up — the WAL grew to 493 MB in 15 s when this was tried alone, docs/BENCHMARKS.md). So once a
 * checkpoint reports more than {@link #RESTART_FRAMES} frames in the WAL, the writer is asked to run one passive
 * checkpoint itself between two groups ({@link #writerShouldCheckpoint}): with no write in flight it finishes the
 * little the background pass left, and the next commit starts the WAL again from its beginning. The WAL file so
 * stays bounded (about {@link #RESTART_FRAMES} pages plus what one period writes) and the writer's pause is only
 * that remainder.
 *
 * <p>The background pass is only the early, cheap trigger: it runs when the scheduler gets to it, which on a loaded
 * machine can be late. The hard bound is the writer's own: before each group it reads the WAL file's length (one
 * {@code stat}), and past {@link #WRITER_LIMIT_BYTES} it checkpoints itself whatever the background pass did. So
 * the WAL file never exceeds that limit by more than one group's writes, however the threads are scheduled (a CI
 * run saw it reach 48 MB when only the timed pass could trigger the writer's checkpoint, and the two passes met and
 * each answered "busy", which the lock below now prevents).
 */
final class WalCheckpointer implements AutoCloseable {
    /** How often the background pass runs, in milliseconds. */
    static final long PERIOD_MS = 200;
    /** WAL frames (pages, 4 KiB each) beyond which the writer checkpoints once to restart the WAL: ~16 MiB. */
    static final long RESTART_FRAMES = 4_000;
    /** The size the WAL file is cut back to when it restarts, in bytes: 16 MiB. */
    static final long JOURNAL_SIZE_LIMIT = 16L * 1024 * 1024;
    /** WAL file length, in bytes, beyond which the writer checkpoints before its next group: 24 MiB. */
    static final long WRITER_LIMIT_BYTES = JOURNAL_SIZE_LIMIT * 3 / 2;
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    private final DataSource dataSource;
    private final File walFile;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong walFrames = new AtomicLong();
    private volatile boolean writerShouldCheckpoint;
    /**
     * One checkpoint at a time: SQLite answers a passive checkpoint that meets another one with "busy" and copies
     * nothing, so a writer's pass that met the background pass would leave the WAL unrestarted, growing by a group
     * each time. The background pass skips while the writer holds this; the writer waits for the background's.
     */
    private final ReentrantLock checkpointing = new ReentrantLock();

    /**
     * Starts the background pass.
     *
     * @param dataSource pooled connections to the database
     * @param databaseFile the SQLite database file; its WAL is the file beside it with {@code -wal} appended
     * @param periodMillis how often the background pass runs, in milliseconds; 0 runs none (tests of the writer's
     *     own bound)
     */
    WalCheckpointer(DataSource dataSource, Path databaseFile, long periodMillis) {
        this.dataSource = dataSource;
        this.walFile = new File(databaseFile.toAbsolutePath() + "-wal");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "openclaw-wal-checkpoint");
            t.setDaemon(true);
            return t;
        });
        if (periodMillis > 0) {
            scheduler.scheduleWithFixedDelay(this::background, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Prepares the writer's connection: no automatic checkpoint inside its commits. */
    static void configureWriter(Connection writer) throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint=0");
            // when the WAL restarts, its file is cut back to this size instead of keeping its largest size
            s.execute("PRAGMA journal_size_limit=" + JOURNAL_SIZE_LIMIT);
        }
    }

    /**
     * Whether the writer should run {@link #checkpointOnWriter} before its next group: the background pass asked
     * for it, or the WAL file is longer than {@link #WRITER_LIMIT_BYTES}.
     */
    boolean writerShouldCheckpoint() {
        // File.length is 0 for a missing file and never throws
        return writerShouldCheckpoint || walFile.length() > WRITER_LIMIT_BYTES;
    }

    /** The writer's own passive checkpoint between two groups; failures are logged, never thrown. */
    void checkpointOnWriter(Connection writer) {
        writerShouldCheckpoint = false;
        checkpointing.lock();
        try {
            long[] r = checkpoint(writer);
            walFrames.set(r[0]);
        } catch (SQLException e) {
            LOG.debug("WAL checkpoint on the writer failed: {}", e.getMessage());
        } finally {
            checkpointing.unlock();
        }
    }

    /** Frames in the WAL at the last checkpoint (for tests and diagnostics). */
    long walFrames() {
        return walFrames.get();
    }

    private void background() {
        if (!checkpointing.tryLock()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            long[] r = checkpoint(c);
            walFrames.set(r[0]);
            if (r[0] > RESTART_FRAMES) {
                writerShouldCheckpoint = true;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("background WAL checkpoint failed: {}", e.getMessage());
        } finally {
            checkpointing.unlock();
        }
    }

    /** Runs a passive checkpoint; returns {frames in the WAL, frames checkpointed} (-1 each when not in WAL mode). */
    private static long[] checkpoint(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            if (!rs.next()) {
                return new long[] {-1, -1};
            }
            return new long[] {rs.getLong(2), rs.getLong(3)};
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
