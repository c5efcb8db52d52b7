package ai.openclaw.session;

import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.ContentPart;
import ai.openclaw.llm.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a user message with attachments is stored and given to the model: stored type {@code attachments}, content
 * {@code {"text":…,"attachments":[{type,fileId,name,contentType,size,url,text}]}} (one row, written with the turn);
 * the model gets the text followed by each file's extracted text as context.
 */
public final class Attachments {
    /** Stored type of a user message with attachments. */
    public static final String TYPE = "attachments";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Attachments() {
    }

    /**
     * A stored message's text and attachments.
     *
     * @param text what the user wrote
     * @param attachments the attached files, in order; empty for other messages
     */
    public record Parsed(String text, List<Attachment> attachments) {
        /** Copies the list. */
        public Parsed {
            attachments = List.copyOf(attachments);
        }
    }

    /** The stored content for a text with attachments. */
    public static String encode(String text, List<Attachment> attachments) {
        ObjectNode o = JSON.createObjectNode();
        o.put("text", text);
        ArrayNode arr = o.putArray("attachments");
        for (Attachment a : attachments) {
            ObjectNode n = arr.addObject();
            n.put("type", a.type()).put("fileId", a.fileId()).put("name", a.name()).put("contentType", a.contentType())
                    .put("size", a.size());
            if (a.url() != null) {
                n.put("url", a.url());
            }
            if (a.text() != null) {
                n.put("text", a.text());
            }
            if (a.dataUrl() != null) {
                n.put("dataUrl", a.dataUrl());
            }
        }
        return o.toString();
    }

    /** A stored message's text and attachments (a message of another type: its content, none). */
    public static Parsed of(Message m) {
        return TYPE.equals(m.type()) ? decode(m.content()) : new Parsed(m.content(), List.of());
    }

    /** Parses stored content of type {@link #TYPE}; content that is not such JSON is taken as plain text. */
    public static Parsed decode(String content) {
        try {
            JsonNode o = JSON.readTree(content);
            if (o == null || !o.isObject() || !o.path("attachments").isArray()) {
                return new Parsed(content, List.of());
            }
            List<Attachment> list = new ArrayList<>();
            for (JsonNode n : o.path("attachments")) {
                list.add(new Attachment(n.path("type").asText("file"), n.path("fileId").asText(),
                        n.path("name").asText(""), n.path("contentType").asText("application/octet-stream"),
                        n.path("size").asLong(), n.path("url").asText(null), n.path("text").asText(null),
                        n.path("dataUrl").asText(null)));
            }
            return new Parsed(o.path("text").asText(""), list);
        } catch (IOException | RuntimeException e) {
            return new Parsed(content, List.of());
        }
    }

    /**
     * The model input for stored content of type {@link #TYPE}: the user's text, then one block per file with its
     * extracted text; images follow as {@code image_url} parts (data URLs) after the text part.
     */
    public static ChatMessage toModel(Role role, String content) {
        Parsed p = decode(content);
        StringBuilder sb = new StringBuilder(p.text());
        for (Attachment a : p.attachments()) {
            sb.append("\n\n[Attached ").append(a.isImage() ? "image" : "file").append(": ").append(a.name())
                    .append(" (").append(a.contentType()).append(", ").append(a.size()).append(" bytes, fileId ")
                    .append(a.fileId()).append(")]");
            if (a.text() != null && !a.text().isBlank()) {
                sb.append('\n').append(a.text()).append("\n[End of ").append(a.name()).append(']');
            } else if (!a.isImage()) {
                sb.append("\n(no text could be extracted from this file)");
            }
        }
        List<ContentPart> images = new ArrayList<>();
        for (Attachment a : p.attachments()) {
            if (a.isImage() && a.dataUrl() != null) {
                images.add(ContentPart.imageUrl(a.dataUrl(), null));
            }
        }
        if (images.isEmpty()) {
            return new ChatMessage(role, sb.toString());
        }
        List<ContentPart> parts = new ArrayList<>();
        parts.add(ContentPart.text(sb.toString()));
        parts.addAll(images);
        return new ChatMessage(role, sb.toString(), List.of(), null, null, parts, null, null);
    }
}
