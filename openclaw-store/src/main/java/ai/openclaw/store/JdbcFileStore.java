package ai.openclaw.store;

import ai.openclaw.file.FileStore;
import ai.openclaw.file.StoredFile;
import ai.openclaw.util.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link FileStore} over JDBC (table {@code files}, migration V13). */
final class JdbcFileStore implements FileStore {
    private static final String COLUMNS = "id, owner, name, content_type, size_bytes, sha256, source_url, text_chars, "
            + "created_at";
    private final Database db;

    JdbcFileStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(StoredFile f, String text) {
        db.write(h -> h.createUpdate("INSERT INTO files (" + COLUMNS + ", text) VALUES (:id, :owner, :name, :type, "
                        + ":size, :sha, :url, :chars, :at, :text)")
                .bind("id", f.id()).bind("owner", f.owner()).bind("name", f.name()).bind("type", f.contentType())
                .bind("size", f.sizeBytes()).bind("sha", f.sha256()).bind("url", f.sourceUrl())
                .bind("chars", f.textChars()).bind("at", f.createdAt().toEpochMilli()).bind("text", text).execute());
    }

    @Override
    public Optional<StoredFile> find(String id) {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM files WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> file(rs)).findOne());
    }

    @Override
    public Page<StoredFile> list(String owner, int offset, int limit) {
        return db.read(h -> {
            String where = owner == null ? "" : " WHERE owner = :owner";
            var count = h.createQuery("SELECT count(*) FROM files" + where);
            var items = h.createQuery("SELECT " + COLUMNS + " FROM files" + where
                    + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset");
            if (owner != null) {
                count.bind("owner", owner);
                items.bind("owner", owner);
            }
            long total = count.mapTo(Long.class).one();
            List<StoredFile> list = items.bind("limit", limit).bind("offset", offset).map((rs, ctx) -> file(rs)).list();
            return new Page<>(list, total, offset, limit);
        });
    }

    @Override
    public Optional<String> text(String id) {
        return db.read(h -> h.createQuery("SELECT text FROM files WHERE id = :id").bind("id", id)
                .mapTo(String.class).findOne());
    }

    @Override
    public boolean delete(String id) {
        boolean[] found = new boolean[1];
        db.write(h -> found[0] = h.createUpdate("DELETE FROM files WHERE id = :id").bind("id", id).execute() > 0);
        return found[0];
    }

    @Override
    public Set<String> ids() {
        return db.read(h -> new HashSet<>(h.createQuery("SELECT id FROM files").mapTo(String.class).list()));
    }

    private static StoredFile file(ResultSet rs) throws SQLException {
        return new StoredFile(rs.getString("id"), rs.getString("owner"), rs.getString("name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("source_url"), rs.getInt("text_chars"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
