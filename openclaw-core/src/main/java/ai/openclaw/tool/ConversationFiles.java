package ai.openclaw.tool;

import java.util.Optional;

/**
 * The files attached to a conversation's messages, for {@code file_read} ({@code path: "attachments/<name or
 * fileId>"}).
 */
@FunctionalInterface
public interface ConversationFiles {
    /** Nothing is attached anywhere (no file service wired). */
    ConversationFiles NONE = (sessionId, ownerFilter, ref) -> Optional.empty();

    /**
     * A file attached in a session, by file id or name (the latest attachment of that name).
     *
     * @param sessionId the calling turn's session
     * @param ownerFilter the caller's owner filter (null: every owner)
     * @param ref a file id ({@code file_…}) or a file name
     * @return the file and its extracted text, or empty when no attachment of the session matches
     */
    Optional<AttachedFile> find(String sessionId, String ownerFilter, String ref);

    /**
     * An attached file's extracted text.
     *
     * @param fileId the stored file id
     * @param name its name
     * @param contentType its media type
     * @param size its size in bytes
     * @param text its extracted text (empty when none)
     */
    record AttachedFile(String fileId, String name, String contentType, long size, String text) {
    }
}
