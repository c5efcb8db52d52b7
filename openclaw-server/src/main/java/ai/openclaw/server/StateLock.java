package ai.openclaw.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state dir's {@code gateway.lock}: held (an OS file lock) by the one gateway running on the state dir, and
 * naming its pid and port, so that a second gateway on the same state dir stops at once saying which one runs there
 * instead of failing later on the database or the memory index. The lock goes with the process (a crashed gateway
 * leaves a file whose lock nobody holds, which does not block); the file itself is never deleted, only emptied, so
 * two starting gateways always lock the same file.
 */
final class StateLock implements AutoCloseable {
    /** The lock file's name in the state dir. */
    static final String FILE = "gateway.lock";
    private static final Pattern PID = Pattern.compile("\"pid\":\\s*(\\d+)");
    private static final Pattern PORT = Pattern.compile("\"port\":\\s*(\\d+)");
    /**
     * The state dirs locked by this JVM, with what their lock file says. A POSIX lock is dropped when the process
     * closes any descriptor of the file, so within the JVM the file is never opened a second time: a second gateway
     * here is refused from this table.
     */
    private static final java.util.concurrent.ConcurrentHashMap<Path, String> HELD =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Path key;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(Path key, Path file, FileChannel channel, FileLock lock) {
        this.key = key;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the state dir's lock and writes this process's pid into it.
     *
     * @param stateDir the gateway's state dir (exists)
     * @return the held lock; {@link #close()} releases it
     * @throws IllegalStateException when another gateway holds it, naming its pid and port
     * @throws UncheckedIOException when the lock file cannot be opened
     */
    static StateLock acquire(Path stateDir) {
        Path key = canonical(stateDir);
        if (HELD.putIfAbsent(key, "") != null) {
            throw new IllegalStateException(describe(stateDir, HELD.getOrDefault(key, "")));
        }
        try {
            return lock(key, stateDir);
        } catch (RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    private static StateLock lock(Path key, Path stateDir) {
        Path file = stateDir.resolve(FILE);
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the state dir lock " + file, e);
        }
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            close(ch);
            throw new IllegalStateException("cannot lock " + file + ": " + e.getMessage(), e);
        }
        if (lock == null) { // another process holds it
            String holder = read(file);
            close(ch);
            throw new IllegalStateException(describe(stateDir, holder));
        }
        StateLock s = new StateLock(key, file, ch, lock);
        s.write(0);
        return s;
    }

    /** Records the port the gateway listens on (after it binds). */
    void listening(int port) {
        write(port);
    }

    private void write(int port) {
        String json = "{\"pid\": " + ProcessHandle.current().pid() + ", \"port\": " + port + ", \"startedAt\": \""
                + Instant.now() + "\"}\n";
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            HELD.put(key, json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Empties the file and releases the lock. */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                channel.truncate(0);
                lock.release();
            }
        } catch (IOException e) {
            // the lock goes with the channel anyway
        }
        close(channel);
        HELD.remove(key);
    }

    private static Path canonical(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize();
        }
    }

    static String describe(Path stateDir, String holder) {
        Matcher pid = PID.matcher(holder);
        Matcher port = PORT.matcher(holder);
        String who = pid.find() ? "pid " + pid.group(1) : "another process";
        String where = port.find() && !port.group(1).equals("0") ? ", port " + port.group(1) : ", still starting";
        return "a gateway is already running on the state dir " + stateDir + " (" + who + where + "); stop it first, "
                + "or give this one its own state dir with OPENCLAW_STATE_DIR";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
