package ai.openclaw.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stress test: threads reading different executions' times at once each get their own (db-scheduler's stock SQLite
 * customization shares one Calendar, and under contention a thread read another row's time).
 */
class SqliteSchedulerCustomizationTest {
    private static final int THREADS = 8;
    private static final int READS = 50_000;

    @TempDir
    Path dir;

    @Test
    void concurrentReadsOfDifferentRowsNeverSeeEachOthersTimes() throws Exception {
        int stock = Boolean.getBoolean("customization.stock")
                ? mismatches(new com.github.kagkarlsson.scheduler.jdbc.SqliteJdbcCustomization()) : -1;
        if (stock >= 0) {
            System.out.println("db-scheduler's stock SQLite customization: " + stock + " wrong reads");
        }
        assertThat(mismatches(new SqliteSchedulerCustomization())).isZero();
    }

    private int mismatches(JdbcCustomization customization) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve(customization.getClass().getSimpleName() + ".db");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, execution_time TIMESTAMP WITH TIME ZONE)");
            for (int i = 0; i < THREADS; i++) {
                st.execute("INSERT INTO t VALUES (" + i + ", " + (1_700_000_000_000L + i * 63L) + ")");
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int id = i;
                Callable<Integer> reader = () -> {
                    Instant expected = Instant.ofEpochMilli(1_700_000_000_000L + id * 63L);
                    int wrong = 0;
                    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                         ResultSet rs = st.executeQuery("SELECT execution_time FROM t WHERE id = " + id)) {
                        rs.next();
                        for (int n = 0; n < READS; n++) {
                            if (!expected.equals(customization.getInstant(rs, "execution_time"))) {
                                wrong++;
                            }
                        }
                    }
                    return wrong;
                };
                results.add(pool.submit(reader));
            }
            int wrong = 0;
            for (Future<Integer> f : results) {
                wrong += f.get();
            }
            return wrong;
        } finally {
            pool.shutdownNow();
        }
    }
}
