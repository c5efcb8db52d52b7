package ai.openclaw.llm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One part of a message's content, in OpenAI Chat Completions' form (content parts {@code text},
 * {@code image_url}, {@code input_audio}, {@code file}, {@code refusal}; any other type is kept as sent).
 *
 * @param type the part type, e.g. {@code text} or {@code image_url}; never blank
 * @param body the whole part as OpenAI's JSON object, {@code type} included (e.g.
 *     {@code {"type":"image_url","image_url":{"url":"data:image/png;base64,…","detail":"low"}}}); never null.
 *     Treat as read-only.
 */
public record ContentPart(String type, ObjectNode body) {
    /** Validates that the type is present and matches the body's {@code type}. */
    public ContentPart {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
        if (type.isBlank()) {
            throw new IllegalArgumentException("content part type must not be blank");
        }
        if (!body.has("type")) {
            body = body.deepCopy();
            body.put("type", type);
        }
    }

    /** A text part. */
    public static ContentPart text(String text) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", "text");
        o.put("text", Objects.requireNonNull(text, "text"));
        return new ContentPart("text", o);
    }

    /**
     * An image part.
     *
     * @param url an {@code http(s)} URL or a {@code data:<media type>;base64,…} URL
     * @param detail {@code auto}, {@code low}, {@code high}, or null
     */
    public static ContentPart imageUrl(String url, String detail) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", "image_url");
        ObjectNode img = o.putObject("image_url");
        img.put("url", Objects.requireNonNull(url, "url"));
        if (detail != null) {
            img.put("detail", detail);
        }
        return new ContentPart("image_url", o);
    }

    /**
     * A part from OpenAI's JSON.
     *
     * @throws IllegalArgumentException if it has no textual {@code type}
     */
    public static ContentPart of(ObjectNode body) {
        if (!body.path("type").isTextual()) {
            throw new IllegalArgumentException("content part needs a type");
        }
        return new ContentPart(body.path("type").textValue(), body);
    }

    /** Whether this is a text part. */
    public boolean isText() {
        return type.equals("text");
    }

    /** The text of a text (or refusal) part; else null. */
    public String text() {
        if (body.path("text").isTextual()) {
            return body.path("text").textValue();
        }
        return body.path("refusal").isTextual() ? body.path("refusal").textValue() : null;
    }

    /** The URL of an {@code image_url} part; else null. */
    public String imageUrl() {
        return body.path("image_url").path("url").isTextual() ? body.path("image_url").path("url").textValue() : null;
    }
}
