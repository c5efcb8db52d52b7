package ai.openclaw.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures (DESIGN.md §4): {@code X-OpenClaw-Signature: sha256=<hex HMAC-SHA256 of the raw body>}
 * (what seed 002's {@code verify_webhook} and seed 003's {@code verifySignature} check) plus the Standard Webhooks
 * headers {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature: v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">}. The secret's UTF-8 bytes are the HMAC key in both.
 */
public final class WebhookSigner {
    /** The seed-002 signature header. */
    public static final String SIGNATURE_HEADER = "X-OpenClaw-Signature";

    private WebhookSigner() {
    }

    /** {@code sha256=} followed by the lowercase hex HMAC-SHA256 of {@code body} under {@code secret}. */
    public static String bodySignature(String secret, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret, body));
    }

    /** {@code v1,} followed by the base64 HMAC-SHA256 of {@code id.timestamp.body} under {@code secret}. */
    public static String standardSignature(String secret, String id, long timestampSeconds, String body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(secret, id + "." + timestampSeconds + "." + body));
    }

    /**
     * All signature headers for one attempt.
     *
     * @param secret the signing secret
     * @param id the stable delivery id ({@code webhook-id})
     * @param timestampSeconds the attempt time in Unix seconds ({@code webhook-timestamp})
     * @param body the exact request body
     */
    public static Map<String, String> headers(String secret, String id, long timestampSeconds, String body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(SIGNATURE_HEADER, bodySignature(secret, body));
        h.put("webhook-id", id);
        h.put("webhook-timestamp", Long.toString(timestampSeconds));
        h.put("webhook-signature", standardSignature(secret, id, timestampSeconds, body));
        return h;
    }

    private static byte[] hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
