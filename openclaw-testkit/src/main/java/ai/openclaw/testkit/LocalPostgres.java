package ai.openclaw.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for tests: Debian's {@code postgresql} binaries ({@code initdb}, {@code pg_ctl})
 * run on a free port of 127.0.0.1 with a data directory in a temp folder, trust authentication for user
 * {@code postgres}, and no fsync. PostgreSQL refuses to run as root, so as root the server runs as {@code nobody}
 * (through {@code setpriv}). {@link #close()} stops it ({@code pg_ctl stop -m immediate}) and deletes the folder.
 */
public final class LocalPostgres implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 120;
    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asNobody;

    private LocalPostgres(Path bin, Path dir, int port, boolean asNobody) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asNobody = asNobody;
    }

    /**
     * The folder holding {@code initdb} and {@code pg_ctl}: {@code $PG_BIN}, else the newest
     * {@code /usr/lib/postgresql/N/bin}; null when PostgreSQL is not installed.
     */
    public static Path binaries() {
        String env = System.getenv("PG_BIN");
        if (env != null && Files.isExecutable(Path.of(env, "initdb"))) {
            return Path.of(env);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(LocalPostgres::majorVersion)).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Creates a cluster and starts it.
     *
     * @param bin the folder of {@code initdb} and {@code pg_ctl} (see {@link #binaries()})
     * @return the running server
     * @throws IllegalStateException when {@code initdb} or {@code pg_ctl start} fails (with its output)
     */
    public static LocalPostgres start(Path bin) {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dir = Files.createTempDirectory("openclaw-pg");
            if (root) {
                ExternalProcess chown = ExternalProcess.run(List.of("chown", "nobody", dir.toString()), dir, Map.of(),
                        TIMEOUT_SECONDS);
                check(chown, "chown nobody " + dir);
            }
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            LocalPostgres pg = new LocalPostgres(bin, dir, port, root);
            check(pg.run("initdb", "-D", dir.resolve("data").toString(), "-U", "postgres", "-A", "trust",
                    "--no-sync", "-E", "UTF8"), "initdb");
            check(pg.run("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(),
                    "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -F",
                    "start"), "pg_ctl start");
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a PostgreSQL data directory", e);
        }
    }

    /** The JDBC URL without a database name, e.g. {@code jdbc:postgresql://127.0.0.1:5433/}. */
    public String jdbcBase() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/";
    }

    /** The superuser, {@code postgres} (no password: trust authentication). */
    public String user() {
        return "postgres";
    }

    /** Stops the server at once and deletes its folder. */
    @Override
    public void close() {
        run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    private ExternalProcess run(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (asNobody) {
            command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        return ExternalProcess.run(command, dir, Map.of("LC_ALL", "C.UTF-8"), TIMEOUT_SECONDS);
    }

    private static void check(ExternalProcess p, String what) {
        if (p.exit() != 0) {
            throw new IllegalStateException(what + " failed (exit " + p.exit() + "): " + p.output());
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
