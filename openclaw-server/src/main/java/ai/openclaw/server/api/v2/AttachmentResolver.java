package ai.openclaw.server.api.v2;

import ai.openclaw.auth.Principal;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.file.FileService;
import ai.openclaw.file.StoredFile;
import ai.openclaw.session.Attachment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a message's {@code attachments} (seed 003: {@code [{type: "file", url}]}, or {@code {fileId}}; images as
 * {@code {type: "image", …}}) into stored files: a {@code fileId} (or a {@code /v2/files/{id}} URL) names one of the
 * caller's files, any other URL is fetched and stored under the {@code web_fetch} private-target rule.
 */
final class AttachmentResolver {
    /** The most attachments one message takes. */
    static final int MAX_ATTACHMENTS = 10;
    /** The largest image given to a model (as a data URL inside the stored message), in bytes. */
    static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;
    private static final Pattern LOCAL = Pattern.compile("^(?:https?://[^/]+)?/v2/files/([A-Za-z0-9_]+)(?:/content)?$");

    private AttachmentResolver() {
    }

    /**
     * The resolved attachments and the files fetched for them (removed again when the turn is not stored).
     *
     * @param attachments in the order given
     * @param fetched ids of files fetched for this message
     */
    record Resolved(List<Attachment> attachments, List<String> fetched) {
        void discardFetched(FileService files, Principal p) {
            for (String id : fetched) {
                try {
                    files.delete(id, p.ownerFilter());
                } catch (RuntimeException e) {
                    // already gone
                }
            }
        }
    }

    static Resolved resolve(FileService files, Principal p, ArrayNode items) {
        List<Attachment> out = new ArrayList<>();
        List<String> fetched = new ArrayList<>();
        if (items == null || items.isEmpty()) {
            return new Resolved(out, fetched);
        }
        if (items.size() > MAX_ATTACHMENTS) {
            throw OpenClawException.invalid("field 'attachments' takes at most " + MAX_ATTACHMENTS + " items");
        }
        try {
            for (int i = 0; i < items.size(); i++) {
                out.add(one(files, p, items.get(i), "attachments[" + i + "]", fetched));
            }
        } catch (RuntimeException e) {
            new Resolved(out, fetched).discardFetched(files, p);
            throw e;
        }
        return new Resolved(out, fetched);
    }

    private static Attachment one(FileService files, Principal p, JsonNode a, String field, List<String> fetched) {
        if (!a.isObject()) {
            throw OpenClawException.invalid("field '" + field + "' must be an object {type, url} or {fileId}");
        }
        String type = a.path("type").asText("file");
        if (!type.equals("file") && !type.equals("image")) {
            throw OpenClawException.invalid("field '" + field + ".type' must be 'file' or 'image', got '" + type + "'");
        }
        String fileId = a.path("fileId").isTextual() ? a.path("fileId").asText() : null;
        String url = a.path("url").isTextual() ? a.path("url").asText() : null;
        if (fileId == null && url == null) {
            throw OpenClawException.invalid("field '" + field + "' needs 'url' (a string) or 'fileId'");
        }
        StoredFile f;
        if (fileId == null) {
            Matcher local = LOCAL.matcher(url);
            if (local.matches()) {
                fileId = local.group(1);
            }
        }
        if (fileId != null) {
            try {
                f = files.get(fileId, p.ownerFilter());
            } catch (OpenClawException e) {
                throw new OpenClawException(ai.openclaw.error.ErrorCode.NOT_FOUND, "file '" + fileId + "' named by field '"
                        + field + "' not found", null, false, null);
            }
        } else {
            f = files.fetch(p.ownerId(), field + ".url", url);
            fetched.add(f.id());
        }
        if (type.equals("image") && !f.isImage()) {
            throw OpenClawException.invalid("field '" + field + "' has type 'image' but the file is " + f.contentType());
        }
        String text = null;
        if (!f.isImage() && f.textChars() > 0) {
            text = files.text(f.id(), p.ownerFilter());
            int cap = files.settings().contextChars();
            if (text.length() > cap) {
                text = text.substring(0, cap) + "\n[… cut at " + cap + " of " + f.textChars() + " characters]";
            }
        }
        String dataUrl = null;
        if (f.isImage()) {
            if (f.sizeBytes() > MAX_IMAGE_BYTES) {
                throw OpenClawException.invalid("field '" + field + "': images sent to a model may be at most "
                        + MAX_IMAGE_BYTES + " bytes, this one has " + f.sizeBytes());
            }
            try {
                dataUrl = "data:" + f.contentType() + ";base64," + java.util.Base64.getEncoder().encodeToString(
                        java.nio.file.Files.readAllBytes(files.content(f.id(), p.ownerFilter())));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("reading image " + f.id() + " failed", e);
            }
        }
        return new Attachment(f.isImage() ? "image" : "file", f.id(), f.name(), f.contentType(), f.sizeBytes(), url,
                text, dataUrl);
    }
}
