package ai.openclaw.file;

import ai.openclaw.util.Page;
import java.util.Optional;
import java.util.Set;

/** The persistence port for file metadata and extracted text; every write is durable when it returns. */
public interface FileStore {
    /** Stores a file's row with its extracted text (null for none). */
    void insert(StoredFile file, String text);

    /** The file with this id, or empty. */
    Optional<StoredFile> find(String id);

    /**
     * A page of files, newest first.
     *
     * @param owner only this owner's files, or null for all
     */
    Page<StoredFile> list(String owner, int offset, int limit);

    /** The extracted text, or empty when none was extracted. */
    Optional<String> text(String id);

    /** Deletes a file's row; false if it did not exist. */
    boolean delete(String id);

    /** Every stored file id (for removing blobs without a row at start). */
    Set<String> ids();
}
