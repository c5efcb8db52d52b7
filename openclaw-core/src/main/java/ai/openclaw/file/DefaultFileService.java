package ai.openclaw.file;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.error.UpstreamException;
import ai.openclaw.util.Ids;
import ai.openclaw.util.OutboundTargets;
import ai.openclaw.util.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default {@link FileService}: bytes in {@code dir/<id>}, temporaries in {@code dir/.tmp}, rows in a store. */
final class DefaultFileService implements FileService {
    private static final Logger LOG = LoggerFactory.getLogger("openclaw.files");
    private final Path dir;
    private final Path tmp;
    private final FileStore store;
    private final FileContent content;
    private final FileSettings settings;
    private final HttpClient http;
    private final Clock clock;

    DefaultFileService(Path dir, FileStore store, FileContent content, FileSettings settings, HttpClient http,
                       Clock clock) {
        this.dir = dir;
        this.tmp = dir.resolve(".tmp");
        this.store = store;
        this.content = content;
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the files directory " + dir, e);
        }
        recover();
    }

    @Override
    public StoredFile upload(String owner, String name, InputStream body) {
        return store(owner, cleanName(name), body, null);
    }

    @Override
    public StoredFile fetch(String owner, String field, String url) {
        URI uri = OutboundTargets.check(field, url, settings.allowPrivateTargets());
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(settings.fetchTimeout()).GET().build();
        HttpResponse<InputStream> r;
        try {
            r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UpstreamException(ErrorCode.UPSTREAM_ERROR, "fetching " + field + " (" + url + ") failed",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), 0, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(ErrorCode.TIMEOUT, "interrupted while fetching " + field, null, 0, true, e);
        }
        try (InputStream in = r.body()) {
            if (r.statusCode() / 100 != 2) {
                throw new UpstreamException(ErrorCode.UPSTREAM_ERROR, "fetching " + field + " (" + url + ") answered HTTP "
                        + r.statusCode(), null, r.statusCode(), r.statusCode() >= 500, null);
            }
            long declared = r.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > settings.maxBytes()) {
                throw tooLarge();
            }
            String path = uri.getPath() == null ? "" : uri.getPath();
            String last = path.substring(path.lastIndexOf('/') + 1);
            return store(owner, last.isBlank() ? uri.getHost() : cleanName(last), in, url);
        } catch (IOException e) {
            throw new UpstreamException(ErrorCode.UPSTREAM_ERROR, "reading " + field + " (" + url + ") failed",
                    e.getMessage(), 0, true, e);
        }
    }

    @Override
    public StoredFile get(String id, String owner) {
        StoredFile f = Ids.isSafeId(id) ? store.find(id).orElse(null) : null;
        if (f == null || (owner != null && !owner.equals(f.owner()))) {
            throw OpenClawException.notFound("file", id);
        }
        return f;
    }

    @Override
    public Page<StoredFile> list(String owner, int offset, int limit) {
        return store.list(owner, offset, limit);
    }

    @Override
    public Path content(String id, String owner) {
        return dir.resolve(get(id, owner).id());
    }

    @Override
    public String text(String id, String owner) {
        return store.text(get(id, owner).id()).orElse("");
    }

    @Override
    public StoredFile delete(String id, String owner) {
        StoredFile f = get(id, owner);
        if (!store.delete(f.id())) {
            throw OpenClawException.notFound("file", id);
        }
        try {
            Files.deleteIfExists(dir.resolve(f.id()));
        } catch (IOException e) {
            LOG.warn("file {} deleted, but its bytes stay until the next start: {}", f.id(), e.toString());
        }
        return f;
    }

    @Override
    public FileSettings settings() {
        return settings;
    }

    private StoredFile store(String owner, String name, InputStream body, String sourceUrl) {
        String id = Ids.newId("file");
        Path part = tmp.resolve(id + ".part");
        try {
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            long size = 0;
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(ch)) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = body.read(buf)) > 0) {
                    size += n;
                    if (size > settings.maxBytes()) {
                        throw tooLarge();
                    }
                    sha.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
                out.flush();
                ch.force(true);
            }
            if (size == 0) {
                throw OpenClawException.invalid("field 'file' is empty");
            }
            FileContent.Analysis a = content.analyse(part, name, settings.maxTextChars());
            if (!a.matchesName()) {
                throw OpenClawException.invalid("field 'file': '" + name + "' is named as " + a.nameType()
                        + " but its content is " + a.contentType());
            }
            Path target = dir.resolve(id);
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target);
            }
            syncDir();
            String text = a.text() == null || a.text().isBlank() ? null : a.text();
            StoredFile f = new StoredFile(id, owner, name, a.contentType(), size, HexFormat.of().formatHex(sha.digest()),
                    sourceUrl, text == null ? 0 : text.length(), clock.instant());
            try {
                store.insert(f, text);
            } catch (RuntimeException e) {
                Files.deleteIfExists(target);
                throw e;
            }
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException("storing file " + name + " failed", e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                LOG.warn("could not remove {}: {}", part, e.toString());
            }
        }
    }

    /** Removes temporaries of interrupted writes and bytes whose row was never written (or was deleted). */
    private void recover() {
        int removed = 0;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(tmp)) {
            for (Path p : parts) {
                Files.deleteIfExists(p);
                removed++;
            }
            Set<String> ids = store.ids();
            try (DirectoryStream<Path> blobs = Files.newDirectoryStream(dir, p -> Files.isRegularFile(p))) {
                for (Path p : blobs) {
                    if (!ids.contains(p.getFileName().toString())) {
                        Files.deleteIfExists(p);
                        removed++;
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("could not clean up the files directory {}: {}", dir, e.toString());
        }
        if (removed > 0) {
            LOG.info("removed {} leftover file(s) of interrupted uploads or deletes from {}", removed, dir);
        }
    }

    private void syncDir() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can sync a directory; the rename itself is atomic
        }
    }

    private OpenClawException tooLarge() {
        return new OpenClawException(ErrorCode.PAYLOAD_TOO_LARGE, "file exceeds the limit of " + settings.maxBytes()
                + " bytes (files.maxBytes)", null, false, null);
    }

    private static String cleanName(String name) {
        if (name == null || name.isBlank()) {
            throw OpenClawException.invalid("field 'file' needs a file name");
        }
        String n = name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip();
        if (n.isEmpty() || n.equals(".") || n.equals("..") || n.length() > 255 || n.chars().anyMatch(c -> c < 0x20)) {
            throw OpenClawException.invalid("field 'file' has an unusable file name");
        }
        return n;
    }
}
