package ai.openclaw.sdk;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks webhook deliveries a receiver gets from the gateway: {@code X-OpenClaw-Signature: sha256=<hex HMAC of the
 * body>} (seed 002) and Standard Webhooks ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature: v1,<base64 HMAC of "id.timestamp.body">}; the key is the base64-decoded secret after an
 * optional {@code whsec_} prefix, or a secret that is not base64 as UTF-8 text).
 */
public final class Webhooks {
    /** How far {@code webhook-timestamp} may be from now. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private Webhooks() {
    }

    /** Whether {@code signature} (the {@code X-OpenClaw-Signature} header) matches the raw body. */
    public static boolean verifySignature(String body, String signature, String secret) {
        if (signature == null) {
            return false;
        }
        String want = "sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
        return MessageDigest.isEqual(want.getBytes(StandardCharsets.UTF_8),
                signature.strip().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The Standard Webhooks key of a secret, as the gateway signs: the base64-decoded text after an optional
     * {@code whsec_} prefix when that is valid, non-empty base64; else the secret's UTF-8 bytes.
     */
    static byte[] standardKey(String secret) {
        String text = secret.startsWith("whsec_") ? secret.substring(6) : secret;
        try {
            byte[] key = Base64.getDecoder().decode(text);
            if (key.length > 0) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // not base64: the text is the key
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether the Standard Webhooks headers sign {@code body} with a timestamp within {@code tolerance} of {@code now}.
     *
     * @param headers the request headers (names in any case)
     * @param tolerance the allowed clock difference (null: not checked)
     */
    public static boolean verifyStandard(String body, Map<String, String> headers, String secret, Duration tolerance,
            Instant now) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        String id = h.get("webhook-id");
        String ts = h.get("webhook-timestamp");
        String sigs = h.get("webhook-signature");
        if (id == null || ts == null || sigs == null) {
            return false;
        }
        long t;
        try {
            t = Long.parseLong(ts.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (tolerance != null && Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
            return false;
        }
        byte[] want = Base64.getEncoder().encode(hmac(standardKey(secret), id + "." + t + "." + body));
        for (String s : sigs.strip().split("\\s+")) {
            if (s.startsWith("v1,") && MessageDigest.isEqual(want, s.substring(3).getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    /** Standard Webhooks when the headers are there, else {@code X-OpenClaw-Signature}; 5 minutes' tolerance. */
    public static boolean verify(String body, Map<String, String> headers, String secret) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        return h.containsKey("webhook-signature") ? verifyStandard(body, h, secret, DEFAULT_TOLERANCE, Instant.now())
                : verifySignature(body, h.get("X-OpenClaw-Signature"), secret);
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
