package ai.openclaw.memory.engine;

import ai.openclaw.memory.MemoryScope;
import ai.openclaw.memory.MemoryService;
import ai.openclaw.memory.MemoryType;
import ai.openclaw.memory.NewMemory;
import ai.openclaw.memory.WorkspaceSources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes the workspace memory files in OpenClaw's manner: {@code MEMORY.md} (type long-term) and
 * {@code memory/*.md} (type daily), chunked by {@link MarkdownChunker}. The operator's workspace files are shared
 * items (every reader sees them), source = the path relative to the workspace; each non-operator owner's workspace
 * ({@code workspaces/<owner>/}) gives items owned by that owner only, source = {@code workspaces/<owner>/MEMORY.md}
 * and so on, so a file one owner writes never becomes another owner's "fact". {@link #sync} compares each file's
 * SHA-256 with the one recorded in the database and re-indexes only changed, new and deleted files; the engine calls
 * it at start and then on a schedule.
 */
final class WorkspaceMemory {
    private static final Logger LOG = LoggerFactory.getLogger("openclaw.memory");

    private final Path workspace;
    private final Path ownerWorkspaces;
    private final MemoryService memory;

    WorkspaceMemory(Path workspace, Path ownerWorkspaces, MemoryService memory) {
        this.workspace = workspace;
        this.ownerWorkspaces = ownerWorkspaces;
        this.memory = memory;
    }

    /** Re-indexes changed files; returns how many files were (re)indexed or removed. */
    synchronized int sync() {
        Map<String, Path> files = new HashMap<>();
        Map<String, String> owners = new HashMap<>();
        collect(workspace, "", files);
        if (ownerWorkspaces != null && Files.isDirectory(ownerWorkspaces)) {
            try (Stream<Path> dirs = Files.list(ownerWorkspaces)) {
                for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                    String owner = dir.getFileName().toString();
                    String prefix = WorkspaceSources.OWNER_DIR + "/" + owner + "/";
                    Map<String, Path> own = new HashMap<>();
                    collect(dir, prefix, own);
                    own.keySet().forEach(k -> owners.put(k, owner));
                    files.putAll(own);
                }
            } catch (IOException e) {
                LOG.warn("cannot list {}: {}", ownerWorkspaces, e.toString());
            }
        }
        Map<String, String> known = memory.sourceHashes();
        int changed = 0;
        for (Map.Entry<String, Path> f : files.entrySet()) {
            String text;
            try {
                text = Files.readString(f.getValue(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                LOG.warn("cannot read {}: {}", f.getValue(), e.toString());
                continue;
            }
            String hash = sha256(text);
            if (hash.equals(known.get(f.getKey()))) {
                continue;
            }
            MemoryType type = f.getKey().endsWith("/" + WorkspaceSources.MEMORY_FILE)
                    || f.getKey().equals(WorkspaceSources.MEMORY_FILE) ? MemoryType.LONG_TERM : MemoryType.DAILY;
            String owner = owners.get(f.getKey());
            MemoryScope scope = owner == null ? MemoryScope.SHARED : MemoryScope.ownedBy(owner);
            List<NewMemory> chunks = MarkdownChunker.chunks(text, memory.settings().maxContentChars()).stream()
                    .map(c -> new NewMemory(c, List.of(), type, f.getKey(), scope, null)).toList();
            int n = memory.replaceSource(f.getKey(), chunks, hash);
            LOG.info("indexed workspace memory file {}: {} chunks", f.getKey(), n);
            changed++;
        }
        for (String source : known.keySet()) {
            if (WorkspaceSources.isWorkspaceSource(source) && !files.containsKey(source)) {
                memory.replaceSource(source, List.of(), null);
                LOG.info("workspace memory file {} is gone: its items were removed", source);
                changed++;
            }
        }
        return changed;
    }

    /** Adds {@code root}'s MEMORY.md and memory/*.md to {@code files}, keyed by {@code prefix} + relative path. */
    private static void collect(Path root, String prefix, Map<String, Path> files) {
        Path main = root.resolve(WorkspaceSources.MEMORY_FILE);
        if (Files.isRegularFile(main)) {
            files.put(prefix + WorkspaceSources.MEMORY_FILE, main);
        }
        Path dir = root.resolve(WorkspaceSources.MEMORY_DIR);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p))
                        .forEach(p -> files.put(prefix + WorkspaceSources.MEMORY_DIR + "/" + p.getFileName(), p));
            } catch (IOException e) {
                LOG.warn("cannot list {}: {}", dir, e.toString());
            }
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
