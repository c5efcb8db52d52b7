package ai.openclaw.testkit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The fake provider's OpenAI {@code POST /v1/embeddings}: a deterministic {@value #DIMENSIONS}-dimension vector per
 * input string (from its SHA-256, so equal inputs get equal vectors), {@code usage.prompt_tokens} as the inputs'
 * whitespace-separated words, and the request's {@code model} echoed. {@code dimensions} (1-{@value #DIMENSIONS})
 * shortens the vectors; {@code encoding_format} {@code float} (default) or {@code base64} (little-endian float32, what
 * the OpenAI SDKs ask for).
 */
final class FakeEmbeddings {
    /** The length of the vectors. */
    static final int DIMENSIONS = 8;

    private FakeEmbeddings() {}

    /** The 400 problem of a malformed request, or null when it is well formed. */
    static String problem(JsonNode request) {
        if (!request.path("model").isTextual()) {
            return "you must provide a model parameter";
        }
        if (inputs(request) == null) {
            return "'input' must be a string or an array of strings";
        }
        String format = request.path("encoding_format").asText("float");
        if (!format.equals("float") && !format.equals("base64")) {
            return "'encoding_format' must be float or base64";
        }
        int dims = request.path("dimensions").asInt(DIMENSIONS);
        if (dims < 1 || dims > DIMENSIONS) {
            return "'dimensions' must be between 1 and " + DIMENSIONS;
        }
        return null;
    }

    /** The answer to a well-formed request ({@link #problem} returned null). */
    static ObjectNode answer(JsonNode request) {
        int dims = request.path("dimensions").asInt(DIMENSIONS);
        boolean base64 = "base64".equals(request.path("encoding_format").asText());
        ObjectNode out = Json.object();
        out.put("object", "list");
        ArrayNode data = out.putArray("data");
        int tokens = 0;
        List<String> inputs = inputs(request);
        for (int i = 0; i < inputs.size(); i++) {
            ObjectNode item = data.addObject();
            item.put("object", "embedding");
            item.put("index", i);
            float[] vector = vector(inputs.get(i), dims);
            if (base64) {
                ByteBuffer buf = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : vector) {
                    buf.putFloat(f);
                }
                item.put("embedding", Base64.getEncoder().encodeToString(buf.array()));
            } else {
                ArrayNode v = item.putArray("embedding");
                for (float f : vector) {
                    v.add(f);
                }
            }
            tokens += inputs.get(i).isBlank() ? 0 : inputs.get(i).strip().split("\\s+").length;
        }
        out.put("model", request.path("model").asText());
        out.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        return out;
    }

    /** The vector the fake answers for {@code text}: SHA-256 bytes scaled to [-1, 1), first {@code dims}. */
    static float[] vector(String text, int dims) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        float[] v = new float[dims];
        for (int i = 0; i < dims; i++) {
            v[i] = digest[i] / 128f;
        }
        return v;
    }

    private static List<String> inputs(JsonNode request) {
        JsonNode input = request.get("input");
        List<String> out = new ArrayList<>();
        if (input != null && input.isTextual()) {
            out.add(input.textValue());
            return out;
        }
        if (input == null || !input.isArray() || input.isEmpty()) {
            return null;
        }
        for (JsonNode n : input) {
            if (!n.isTextual()) {
                return null;
            }
            out.add(n.textValue());
        }
        return out;
    }
}
