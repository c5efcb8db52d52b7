package ai.openclaw.file;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.error.UpstreamException;
import ai.openclaw.util.Page;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Stored files (seed 003, {@code /v2/files}): uploads and fetched URLs, each owned by the credential that stored it.
 * A file is stored whole or not at all: its bytes are written to a temporary file, flushed to disk and renamed into
 * place, and only then its row is written; a crash at any point leaves either no trace (leftovers are removed at
 * start) or the complete file. {@code owner} arguments of reads restrict them to one owner (null: every owner);
 * another owner's file is NOT_FOUND.
 */
public interface FileService {
    /**
     * Stores an upload.
     *
     * @param owner the owner id stamped on the file
     * @param name the client's file name; a path is cut to its last segment
     * @param body the bytes; read to the end or until the size limit
     * @return the stored file
     * @throws OpenClawException PAYLOAD_TOO_LARGE over {@link FileSettings#maxBytes()}; INVALID_REQUEST for an empty
     *     file, a bad name, or bytes that are not what the name says (a disguised file)
     */
    StoredFile upload(String owner, String name, InputStream body);

    /**
     * Fetches a URL and stores its body, under the {@code web_fetch} private-target rule; redirects are not
     * followed.
     *
     * @param field the request field named in errors, e.g. {@code url} or {@code attachments[0].url}
     * @throws OpenClawException INVALID_REQUEST for a refused URL (private target, bad scheme) naming {@code field};
     *     PAYLOAD_TOO_LARGE over the size limit
     * @throws UpstreamException when the URL cannot be fetched or answers other than 2xx
     */
    StoredFile fetch(String owner, String field, String url);

    /**
     * A file's metadata.
     *
     * @throws OpenClawException NOT_FOUND for an unknown id or another owner's file
     */
    StoredFile get(String id, String owner);

    /** A page of the files visible to {@code owner}, newest first. */
    Page<StoredFile> list(String owner, int offset, int limit);

    /**
     * The path of a file's bytes (read-only use).
     *
     * @throws OpenClawException NOT_FOUND for an unknown id or another owner's file
     */
    Path content(String id, String owner);

    /**
     * A file's extracted text, or the empty string when none was extracted.
     *
     * @throws OpenClawException NOT_FOUND for an unknown id or another owner's file
     */
    String text(String id, String owner);

    /**
     * Deletes a file (row, then bytes).
     *
     * @throws OpenClawException NOT_FOUND for an unknown id or another owner's file
     */
    StoredFile delete(String id, String owner);

    /** The limits in force. */
    FileSettings settings();

    /**
     * The default implementation; removes leftovers of interrupted writes under {@code dir} at once.
     *
     * @param dir where the bytes live (the state dir's {@code files/})
     * @param store the metadata rows
     * @param content type detection and text extraction
     * @param settings limits
     * @param http the client for fetching URLs (must not follow redirects)
     * @param clock the time source for {@code createdAt}
     */
    static FileService create(Path dir, FileStore store, FileContent content, FileSettings settings, HttpClient http,
                              Clock clock) {
        return new DefaultFileService(dir, store, content, settings, http, clock);
    }
}
