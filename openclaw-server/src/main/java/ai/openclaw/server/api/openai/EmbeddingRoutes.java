package ai.openclaw.server.api.openai;

import ai.openclaw.auth.Scopes;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.ChatRequest;
import ai.openclaw.llm.ModelCatalog;
import ai.openclaw.llm.ResolvedModel;
import ai.openclaw.llm.Usage;
import ai.openclaw.memory.Embeddings;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.Json;
import ai.openclaw.server.http.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * OpenAI's {@code POST /v1/embeddings} over the in-jar ONNX models that memory uses, offline:
 * {@code all-minilm-l6-v2-q} (English, 384 dimensions) and {@code bge-small-zh-v15-q} (Chinese and English, 512);
 * {@code auto} (or {@code openclaw}) picks per input as memory does. {@code input} is a string or an array of up to
 * {@value #MAX_INPUTS} strings; {@code encoding_format} {@code float} (default) or {@code base64} (little-endian
 * float32, what the OpenAI SDKs ask for). Vectors have unit length. Any other model must be a configured
 * provider's ({@code provider/model}, or a bare name a provider lists; else 404 {@code model_not_found}): the body
 * goes to that {@code openai-completions} provider's {@code /embeddings} with only {@code model} rewritten, and its
 * answer comes back unchanged; other wire APIs have no embeddings (400 naming {@code model}).
 */
public final class EmbeddingRoutes {
    /** The most inputs of one request. */
    public static final int MAX_INPUTS = 256;
    /** The model ids served. */
    public static final List<String> MODELS = List.of("all-minilm-l6-v2-q", "bge-small-zh-v15-q");
    private final GatewayServices services;

    private EmbeddingRoutes(GatewayServices services) {
        this.services = services;
    }

    /** Registers {@code POST /v1/embeddings}. */
    public static void register(RoutesConfig routes, GatewayServices services) {
        routes.post("/v1/embeddings", new EmbeddingRoutes(services)::embeddings);
    }

    private void embeddings(Context ctx) {
        Http.require(ctx, Scopes.CHAT);
        JsonBody body = JsonBody.read(ctx, services.maxBodyBytes());
        String model = body.optText("model");
        if (model == null) {
            throw OpenClawException.invalid("field 'model' is required");
        }
        String bare = model.startsWith("local/") ? model.substring("local/".length()) : model;
        boolean auto = bare.equals("auto") || bare.equals("openclaw");
        if (!auto && !MODELS.contains(bare)) {
            providerEmbeddings(ctx, body, model);
            return;
        }
        List<String> inputs = inputs(body.node().get("input"));
        String format = body.optText("encoding_format");
        if (format != null && !format.equals("float") && !format.equals("base64")) {
            throw OpenClawException.invalid("field 'encoding_format' must be float or base64");
        }
        Long dimensions = body.optLong("dimensions", 1, 4096);
        Embeddings embeddings = services.memory().embeddings();
        ObjectNode out = Json.obj();
        out.put("object", "list");
        ArrayNode data = out.putArray("data");
        int tokens = 0;
        for (int i = 0; i < inputs.size(); i++) {
            String text = inputs.get(i);
            String m = auto ? embeddings.modelFor(text) : bare;
            if (dimensions != null && dimensions != embeddings.dimension(m)) {
                throw OpenClawException.invalid("field 'dimensions' must be " + embeddings.dimension(m)
                        + " for model '" + m + "'");
            }
            float[] v = embeddings.embed(m, text);
            tokens += Usage.estimateTokens(text);
            ObjectNode item = data.addObject();
            item.put("object", "embedding");
            item.put("index", i);
            if ("base64".equals(format)) {
                ByteBuffer buf = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : v) {
                    buf.putFloat(f);
                }
                item.put("embedding", Base64.getEncoder().encodeToString(buf.array()));
            } else {
                ArrayNode vec = item.putArray("embedding");
                for (float f : v) {
                    vec.add(f);
                }
            }
        }
        out.put("model", auto ? model : bare);
        out.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        Http.json(ctx, 200, out);
    }

    /**
     * A configured provider's model ({@code provider/model}, or a bare name a provider lists): the body goes to the
     * provider's {@code /embeddings} with only {@code model} rewritten, and its answer comes back unchanged.
     */
    private void providerEmbeddings(Context ctx, JsonBody body, String model) {
        ModelCatalog catalog = services.conversations().models();
        ResolvedModel resolved = catalog.resolveKnown(model);
        if (resolved.provider().offline()) {
            throw ModelCatalog.modelNotFound(model);
        }
        ObjectNode forwarded = body.node().deepCopy();
        forwarded.put("model", resolved.id().model());
        Http.json(ctx, 200, resolved.chatModel().embeddings(forwarded, ChatRequest.DEFAULT_TIMEOUT));
    }

    private static List<String> inputs(JsonNode input) {
        if (input == null || input.isNull()) {
            throw OpenClawException.invalid("field 'input' is required");
        }
        List<String> out = new ArrayList<>();
        if (input.isTextual()) {
            out.add(input.textValue());
        } else if (input.isArray() && !input.isEmpty() && input.size() <= MAX_INPUTS) {
            for (int i = 0; i < input.size(); i++) {
                if (!input.get(i).isTextual()) {
                    throw OpenClawException.invalid("field 'input[" + i + "]' must be a string (token arrays are "
                            + "not supported by the in-jar models)");
                }
                out.add(input.get(i).textValue());
            }
        } else {
            throw OpenClawException.invalid("field 'input' must be a string or an array of 1-" + MAX_INPUTS
                    + " strings");
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).isEmpty()) {
                throw OpenClawException.invalid("field 'input" + (input.isArray() ? "[" + i + "]" : "")
                        + "' must not be empty");
            }
        }
        return out;
    }
}
