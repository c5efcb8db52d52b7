package ai.openclaw.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.openclaw.testkit.TestGateway;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The webhook outbox drains a backlog (5,000 pending deliveries over 10 endpoints, as after an outage of the
 * receivers) to a fast receiver: every delivery arrives once, each endpoint's in creation order. The drain rate is
 * printed (docs/BENCHMARKS.md § Webhook outbox), not asserted.
 */
class OutboxDrainTest {
    private static final int ENDPOINTS = Integer.getInteger("outbox.endpoints", 10);
    private static final int BACKLOG = Integer.getInteger("outbox.backlog", 5000);

    @Test
    void aBacklogDrainsInParallelAcrossEndpointsAndInOrderPerEndpoint() {
        try (Receiver r = new Receiver();
             TestGateway gw = TestGateway.start("webhooks:\n  allowPrivateTargets: true\n  pollMs: 200\n")) {
            List<String> endpoints = new ArrayList<>();
            for (int i = 0; i < ENDPOINTS; i++) {
                endpoints.add(gw.post("/v2/webhooks", "{\"url\": \"" + r.url("/ep" + i) + "\", \"events\": "
                        + "[\"system.error\"], \"secret\": \"s" + i + "\"}").json().path("id").asText());
            }
            long[] started = new long[1];
            gw.restart(() -> {
                insertBacklog(gw, endpoints);
                started[0] = System.nanoTime();
            });
            double startup = (System.nanoTime() - started[0]) / 1e9;
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> !r.hits().isEmpty());
            long first = System.nanoTime();
            long cpuFirst = processCpuMillis();
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(20))
                    .until(() -> r.hits().size() >= BACKLOG);
            double seconds = (System.nanoTime() - first) / 1e9;
            long cpu = processCpuMillis() - cpuFirst;
            System.out.printf("outbox drain: %d deliveries over %d endpoints in %.2f s from the first arrival = "
                    + "%.0f/s (gateway start %.1f s before); CPU of this JVM (gateway + receiver, /proc/self/stat "
                    + "utime+stime) %d ms = %.3f ms per delivery%n", BACKLOG, ENDPOINTS, seconds, BACKLOG / seconds,
                    startup, cpu, cpu / (double) BACKLOG);
            await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
            List<Receiver.Hit> hits = r.hits();
            assertThat(hits).hasSize(BACKLOG);
            Set<String> ids = new HashSet<>();
            Map<String, Integer> lastSeq = new HashMap<>();
            for (Receiver.Hit h : hits) {
                String id = h.header("webhook-id");
                assertThat(ids.add(id)).as("delivered once: %s", id).isTrue();
                int seq = Integer.parseInt(id.substring(id.lastIndexOf('_') + 1));
                Integer prev = lastSeq.put(h.path(), seq);
                assertThat(prev == null || prev < seq).as("%s in order: %s after %s", h.path(), seq, prev).isTrue();
            }
        }
    }

    /** This process's CPU time (user + system) in milliseconds from /proc/self/stat, or 0 where there is none. */
    private static long processCpuMillis() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15: utime, stime
            return ticks * 10; // USER_HZ = 100 on Linux
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Pending deliveries as a receivers' outage leaves them: all due, oldest first. */
    private static void insertBacklog(TestGateway gw, List<String> endpoints) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gw.stateDir().resolve("openclaw.db"))) {
            c.setAutoCommit(false);
            Map<String, String> urls = new HashMap<>();
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT id, url FROM webhook_endpoints")) {
                while (rs.next()) {
                    urls.put(rs.getString(1), rs.getString(2));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_deliveries (id, endpoint_id, url, "
                    + "secret, headers, event, body, status, attempts, next_attempt_at, created_at, updated_at) "
                    + "VALUES (?, ?, ?, NULL, '{}', 'system.error', ?, 'pending', 1, 0, ?, ?)")) {
                long t0 = System.currentTimeMillis() - 60_000;
                for (int i = 0; i < BACKLOG; i++) {
                    String ep = endpoints.get(i % endpoints.size());
                    String id = String.format("msg_backlog_%06d", i);
                    ps.setString(1, id);
                    ps.setString(2, ep);
                    ps.setString(3, urls.get(ep));
                    ps.setString(4, "{\"event\":\"system.error\",\"timestamp\":\"2026-01-01T00:00:00.000Z\","
                            + "\"data\":{\"n\":" + i + "}}");
                    ps.setLong(5, t0 + i);
                    ps.setLong(6, t0 + i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
