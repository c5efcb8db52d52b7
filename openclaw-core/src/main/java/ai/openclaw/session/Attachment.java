package ai.openclaw.session;

import java.util.Objects;

/**
 * A file attached to a user message (seed 003: {@code attachments: [{type: "file", url}]}, or {@code {fileId}};
 * images as {@code {type: "image"}}), stored with the message.
 *
 * @param type {@code file} or {@code image}
 * @param fileId the stored file ({@code /v2/files/{id}}); never blank
 * @param name the file name
 * @param contentType the media type detected from the bytes
 * @param size the size in bytes
 * @param url the URL the client gave, or null when it named a stored file
 * @param text the file's extracted text as given to the model (cut to {@code files.contextChars}), or null
 * @param dataUrl for an image, its bytes as a {@code data:<type>;base64,…} URL (sent to the model as an image
 *     part), else null
 */
public record Attachment(String type, String fileId, String name, String contentType, long size, String url,
                         String text, String dataUrl) {
    /** Validates the required fields. */
    public Attachment {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
    }

    /** Whether this is an image. */
    public boolean isImage() {
        return "image".equals(type) || contentType.startsWith("image/");
    }
}
