package ai.openclaw.server.ws;

import ai.openclaw.auth.ApiKey;
import ai.openclaw.auth.AuthService;
import ai.openclaw.auth.Principal;
import ai.openclaw.auth.RateLimiter;
import ai.openclaw.device.Device;
import ai.openclaw.device.DeviceAdmission;
import ai.openclaw.device.DeviceClaim;
import ai.openclaw.device.DeviceService;
import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.session.Session;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code connect} request of the gateway protocol (OpenClaw protocol 4): protocol range, client, role, scopes,
 * {@code auth.token} (the gateway token, an API key, or a device token) and the device identity — an Ed25519 key
 * whose id is the SHA-256 of the raw key, signing {@code v2|deviceId|clientId|mode|role|scopes|signedAt|token|nonce}
 * over this connection's challenge nonce. A stale {@code signedAt}, a nonce that is not this connection's
 * challenge, a bad signature or a wrong credential is refused; a device new to a remote client waits for pairing.
 */
final class Handshake {
    /** The protocol version spoken. */
    static final int PROTOCOL = 4;
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final Pattern SCOPE = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z][a-z0-9_-]*){1,3}");

    /**
     * A completed handshake.
     *
     * @param principal who connects (the credential's principal)
     * @param device the admitted device, or null for a device-less local client
     * @param deviceToken the device token to hand out, or null
     * @param role the role asked for
     * @param scopes the OpenClaw scopes asked for
     */
    record Result(Principal principal, Device device, String deviceToken, String role, List<String> scopes) {
    }

    /** Thrown when pairing is required: close 1008 with {@code pairing required (requestId: …)}. */
    static final class PairingRequired extends RuntimeException {
        final String requestId;

        PairingRequired(String requestId) {
            super("pairing required (requestId: " + requestId + ")", null, false, false);
            this.requestId = requestId;
        }
    }

    private final AuthService auth;
    private final DeviceService devices;
    private final RateLimiter limits;
    private final Clock clock;
    private final long skewMs;

    Handshake(AuthService auth, DeviceService devices, RateLimiter limits, Clock clock, long skewMs) {
        this.auth = auth;
        this.devices = devices;
        this.limits = limits;
        this.clock = clock;
        this.skewMs = skewMs;
    }

    /**
     * Checks a {@code connect} request.
     *
     * @throws OpenClawException INVALID_REQUEST for bad parameters or device proof, UNAUTHORIZED for credentials
     * @throws PairingRequired when the device waits for approval
     */
    Result connect(JsonBody params, WsClient client) {
        int min = params.optInt("minProtocol", 1, 1000) == null ? PROTOCOL : params.optInt("minProtocol", 1, 1000);
        int max = params.optInt("maxProtocol", 1, 1000) == null ? PROTOCOL : params.optInt("maxProtocol", 1, 1000);
        if (min > PROTOCOL || max < PROTOCOL) {
            throw new OpenClawException(ErrorCode.INVALID_REQUEST, "protocol mismatch: this gateway speaks protocol "
                    + PROTOCOL + ", the client asked for " + min + ".." + max, null, false, null);
        }
        JsonBody c = params.object("client");
        String clientId = c.optText("id");
        String mode = c.optText("mode");
        String platform = c.optText("platform");
        String role = params.optText("role") == null ? "operator" : params.optText("role");
        if (!role.equals("operator") && !role.equals("node")) {
            throw OpenClawException.invalid("role must be 'operator' or 'node', got '" + role + "'");
        }
        List<String> scopes = new ArrayList<>();
        if (params.has("scopes")) {
            for (JsonNode s : params.optArray("scopes")) {
                if (!s.isTextual() || !SCOPE.matcher(s.asText()).matches()) {
                    throw OpenClawException.invalid("scopes must be OpenClaw scope names such as 'operator.read', got "
                            + s);
                }
                scopes.add(s.asText());
            }
        } else {
            scopes.addAll(List.of("operator.read", "operator.write"));
        }
        JsonBody authBlock = params.object("auth");
        String token = authBlock.optText("token");
        String presentedDeviceToken = authBlock.optText("deviceToken");
        JsonBody device = params.object("device");
        boolean hasDevice = params.has("device") && !params.node().get("device").isNull();
        DeviceClaim claim = null;
        if (hasDevice) {
            claim = verifyDevice(device, client, clientId, mode, platform, role, scopes, token);
        } else if (!client.local()) {
            throw new OpenClawException(ErrorCode.INVALID_REQUEST, "device identity required: remote clients must "
                    + "sign the challenge with a device key", null, false, null);
        }
        String address = client.remoteAddress();
        limits.checkAuthAllowed(address);
        Principal principal = null;
        String credential = presentedDeviceToken != null ? presentedDeviceToken : token;
        if (credential != null && claim != null) {
            Optional<Device> byToken = devices.verifyToken(claim.id(), credential);
            if (byToken.isPresent()) {
                principal = ownerPrincipal(byToken.get().ownerId());
            }
        }
        if (principal == null && credential != null) {
            principal = auth.authenticate(credential).orElse(null);
        }
        if (principal == null) {
            limits.authFailed(address);
            throw OpenClawException.unauthorized(credential == null
                    ? "unauthorized: gateway token missing (send auth.token: the gateway token or an API key)"
                    : "unauthorized: gateway token mismatch (invalid, revoked or expired credential)");
        }
        if (claim == null) {
            return new Result(principal, null, null, role, scopes);
        }
        // a device belongs to the credential that paired it: the operator, or the API key (a tenant's keys are one
        // owner, but each key's device token speaks with that key's scopes)
        DeviceAdmission admission = devices.admit(claim, principal.isAdmin() ? principal.ownerId() : principal.id());
        if (!admission.admitted()) {
            throw new PairingRequired(admission.device().requestId());
        }
        return new Result(principal, admission.device(), admission.deviceToken(), role, scopes);
    }

    private DeviceClaim verifyDevice(JsonBody device, WsClient client, String clientId, String mode, String platform,
                                     String role, List<String> scopes, String token) {
        String id = device.requireText("id");
        String publicKey = device.requireText("publicKey");
        String signature = device.requireText("signature");
        Long signedAt = device.optLong("signedAt", 0, Long.MAX_VALUE);
        String nonce = device.optText("nonce");
        if (signedAt == null) {
            throw OpenClawException.invalid("device.signedAt is required (milliseconds since the epoch)");
        }
        if (nonce == null || !MessageDigest.isEqual(nonce.getBytes(StandardCharsets.UTF_8),
                client.nonce().getBytes(StandardCharsets.UTF_8))) {
            throw OpenClawException.invalid("device nonce mismatch: sign this connection's connect.challenge nonce");
        }
        if (Math.abs(clock.millis() - signedAt) > skewMs) {
            throw OpenClawException.invalid("device signature expired: signedAt is more than " + skewMs / 1000
                    + " s from the gateway's clock");
        }
        byte[] raw;
        byte[] sig;
        try {
            raw = Base64.getUrlDecoder().decode(publicKey.replace('+', '-').replace('/', '_').replace("=", ""));
            sig = Base64.getUrlDecoder().decode(signature.replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw OpenClawException.invalid("device.publicKey and device.signature must be base64url");
        }
        if (raw.length != 32) {
            throw OpenClawException.invalid("device.publicKey must be a raw 32-byte Ed25519 key");
        }
        String expectedId = HexFormat.of().formatHex(sha256(raw));
        if (!expectedId.equals(id)) {
            throw OpenClawException.invalid("device identity mismatch: device.id must be the SHA-256 of the public key");
        }
        String payload = String.join("|", "v2", id, clientId == null ? "" : clientId, mode == null ? "" : mode, role,
                String.join(",", scopes), Long.toString(signedAt), token == null ? "" : token, nonce);
        if (!verify(raw, sig, payload.getBytes(StandardCharsets.UTF_8))) {
            throw OpenClawException.invalid("device signature invalid");
        }
        return new DeviceClaim(id, Base64.getUrlEncoder().withoutPadding().encodeToString(raw), clientId, mode,
                platform, role, scopes, client.remoteAddress(), client.local());
    }

    private Principal ownerPrincipal(String ownerId) {
        if (ownerId.equals(Session.GATEWAY_OWNER)) {
            return Principal.GATEWAY;
        }
        try {
            ApiKey key = auth.find(ownerId);
            if (!key.id().equals(ownerId) || !key.activeAt(clock.instant())) {
                return null;
            }
            return key.principal();
        } catch (OpenClawException e) {
            return null;
        }
    }

    private static boolean verify(byte[] raw, byte[] sig, byte[] message) {
        try {
            byte[] spki = new byte[ED25519_SPKI_PREFIX.length + raw.length];
            System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
            System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            Signature v = Signature.getInstance("Ed25519");
            v.initVerify(key);
            v.update(message);
            return v.verify(sig);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
