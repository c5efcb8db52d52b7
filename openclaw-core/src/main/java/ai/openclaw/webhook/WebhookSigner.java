package ai.openclaw.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
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
 * "id.timestamp.body">}.
 *
 * <p>Keys: for {@code X-OpenClaw-Signature} the HMAC key is the whole secret's UTF-8 bytes (seed 002's
 * {@code secret.encode()}, seed 003's {@code createHmac('sha256', secret)}). For {@code webhook-signature} it is what
 * the Standard Webhooks spec and its libraries use: the base64-decoded part after {@code whsec_}; a secret without the
 * prefix is base64-decoded too when it is valid base64 (as {@code new Webhook(secret)} does), and otherwise — a
 * secret no Standard Webhooks library could decode — its UTF-8 bytes (verify with
 * {@code new Webhook(secret, {format: "raw"})}). Generated secrets are {@code whsec_} + base64 of 32 random bytes.
 */
public final class WebhookSigner {
    /** The seed-002 signature header. */
    public static final String SIGNATURE_HEADER = "X-OpenClaw-Signature";
    /** The Standard Webhooks secret prefix. */
    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSigner() {
    }

    /** {@code sha256=} followed by the lowercase hex HMAC-SHA256 of {@code body} under {@code secret}. */
    public static String bodySignature(String secret, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret, body));
    }

    /**
     * {@code v1,} followed by the base64 HMAC-SHA256 of {@code id.timestamp.body} under the Standard Webhooks key of
     * {@code secret} ({@link #standardKey}).
     */
    public static String standardSignature(String secret, String id, long timestampSeconds, String body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(standardKey(secret),
                id + "." + timestampSeconds + "." + body));
    }

    /**
     * A new signing secret: {@code whsec_} followed by the base64 of 32 bytes from a {@link SecureRandom} (the
     * Standard Webhooks format, so {@code new Webhook(secret)} verifies as it is).
     */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * The HMAC key of {@code webhook-signature} for a secret: the base64-decoded text after an optional
     * {@code whsec_} prefix when it is valid, non-empty base64; else the secret's UTF-8 bytes.
     */
    public static byte[] standardKey(String secret) {
        String text = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        try {
            byte[] key = Base64.getDecoder().decode(text);
            if (key.length > 0) {
                return key;
            }
        } catch (IllegalArgumentException notBase64) {
            // falls through: a secret no Standard Webhooks library could decode is used as text
        }
        return secret.getBytes(StandardCharsets.UTF_8);
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
        return hmac(secret.getBytes(StandardCharsets.UTF_8), text);
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
