package ai.openclaw.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * An Ed25519 device identity as OpenClaw clients hold one: {@link #id()} is the hex SHA-256 of the raw public key,
 * {@link #publicKey()} the raw key in base64url, and {@link #sign} signs the v2 connect payload
 * {@code v2|deviceId|clientId|mode|role|scopes|signedAt|token|nonce}.
 */
public final class DeviceKey {
    private final KeyPair pair;
    private final byte[] raw;

    private DeviceKey(KeyPair pair) {
        this.pair = pair;
        byte[] spki = pair.getPublic().getEncoded();
        this.raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    /** A new random identity. */
    public static DeviceKey generate() {
        try {
            return new DeviceKey(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The device id: lowercase hex SHA-256 of the raw public key. */
    public String id() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The raw 32-byte public key, base64url without padding. */
    public String publicKey() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** The base64url Ed25519 signature of the v2 connect payload. */
    public String sign(String clientId, String mode, String role, List<String> scopes, long signedAt, String token,
                       String nonce) {
        String payload = String.join("|", "v2", id(), clientId, mode, role, String.join(",", scopes),
                Long.toString(signedAt), token == null ? "" : token, nonce);
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(pair.getPrivate());
            s.update(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
