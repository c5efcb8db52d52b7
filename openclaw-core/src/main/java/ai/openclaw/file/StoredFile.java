package ai.openclaw.file;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored file's metadata (seed 003, {@code /v2/files}); the bytes live under the state dir's {@code files/}.
 *
 * @param id the file id, e.g. {@code file_k3j9…}; never blank
 * @param owner the owner id of the credential that stored it
 * @param name the file name the client gave (or the URL's last path segment); never blank
 * @param contentType the media type detected from the bytes, e.g. {@code application/pdf}
 * @param sizeBytes the size in bytes
 * @param sha256 the lowercase hex SHA-256 of the bytes
 * @param sourceUrl the URL it was fetched from, or null for an upload
 * @param textChars the length of the extracted text in characters, or 0 when none could be extracted
 * @param createdAt when it was stored
 */
public record StoredFile(String id, String owner, String name, String contentType, long sizeBytes, String sha256,
                         String sourceUrl, int textChars, Instant createdAt) {
    /** Validates the required fields. */
    public StoredFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(createdAt, "createdAt");
        if (sizeBytes < 0 || textChars < 0) {
            throw new IllegalArgumentException("sizeBytes and textChars must not be negative");
        }
    }

    /** Whether the file is an image ({@code image/*}). */
    public boolean isImage() {
        return contentType.startsWith("image/");
    }
}
