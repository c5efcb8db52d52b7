package ai.openclaw.server.ws;

import ai.openclaw.auth.Scopes;
import ai.openclaw.config.ConfigDocument;
import ai.openclaw.config.GatewayConfig;
import ai.openclaw.device.Device;
import ai.openclaw.device.DeviceService;
import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

/**
 * Administration over the protocol (the {@code admin} credential scope and the {@code operator.admin} connection
 * scope): {@code config.get} (secrets redacted, with the file's hash), {@code config.patch} (a JSON merge patch:
 * objects merge, {@code null} deletes, arrays replace; redacted placeholders keep the stored secret) and
 * {@code config.apply} (replace the whole file), both guarded by {@code baseHash} and validated before they are
 * written (they take effect at the next start); and device pairing: {@code pairing.list|approve},
 * {@code device.pair.list|approve|reject}.
 */
final class AdminMethods {
    private final GatewayServices services;
    private final DeviceService devices;
    private final Object configLock = new Object();

    AdminMethods(GatewayServices services, DeviceService devices) {
        this.services = services;
        this.devices = devices;
    }

    void register(WsMethods m) {
        m.add("config.get", Scopes.ADMIN, WsMethods.Access.READ, this::configGet);
        m.add("config.patch", Scopes.ADMIN, WsMethods.Access.ADMIN, call -> configWrite(call, true));
        m.add("config.apply", Scopes.ADMIN, WsMethods.Access.ADMIN, call -> configWrite(call, false));
        m.add("pairing.list", Scopes.ADMIN, WsMethods.Access.ADMIN, this::pairingList);
        m.add("pairing.approve", Scopes.ADMIN, WsMethods.Access.ADMIN, this::pairingApprove);
        m.add("device.pair.list", Scopes.ADMIN, WsMethods.Access.ADMIN, this::pairingList);
        m.add("device.pair.approve", Scopes.ADMIN, WsMethods.Access.ADMIN, this::pairingApprove);
        m.add("device.pair.reject", Scopes.ADMIN, WsMethods.Access.ADMIN, this::pairingReject);
    }

    private JsonNode configGet(WsCall call) {
        synchronized (configLock) {
            ConfigDocument doc = services.configDocument();
            ObjectNode out = Json.obj().put("path", doc.file().toString())
                    .put("exists", java.nio.file.Files.isRegularFile(doc.file()));
            JsonNode redacted = ConfigDocument.redact(doc.rawCopy());
            out.set("config", redacted);
            out.put("raw", write(redacted));
            out.put("hash", hash(doc.rawCopy()));
            out.put("valid", true);
            out.putArray("issues");
            return out;
        }
    }

    private JsonNode configWrite(WsCall call, boolean merge) {
        String raw = call.params().requireText("raw");
        String baseHash = call.params().optText("baseHash");
        JsonNode given;
        try {
            given = Json.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            throw OpenClawException.invalid("raw must be a JSON object: " + e.getOriginalMessage());
        }
        if (given == null || !given.isObject()) {
            throw OpenClawException.invalid("raw must be a JSON object");
        }
        synchronized (configLock) {
            ConfigDocument doc = services.configDocument();
            ObjectNode before = doc.rawCopy();
            String current = hash(before);
            if (baseHash == null && merge) {
                throw OpenClawException.invalid("baseHash is required (config.get returns it)");
            }
            if (baseHash != null && !baseHash.equals(current)) {
                throw new OpenClawException(ErrorCode.CONFLICT, "config changed since it was read: baseHash does not "
                        + "match; read it again with config.get", null, false, null);
            }
            ObjectNode next = merge ? before.deepCopy() : Json.obj();
            mergeInto(next, (ObjectNode) given, before);
            doc.replace(next);
            try {
                GatewayConfig.from(doc);
            } catch (IllegalArgumentException e) {
                doc.replace(before);
                throw OpenClawException.invalid("config is not valid: " + e.getMessage());
            }
            doc.save();
            ObjectNode out = Json.obj().put("ok", true).put("path", doc.file().toString());
            out.set("config", ConfigDocument.redact(next));
            out.put("hash", hash(next));
            out.put("restartRequired", true);
            return out;
        }
    }

    /** RFC 7396 merge of {@code patch} into {@code target}; redacted placeholders keep the value in {@code old}. */
    private static void mergeInto(ObjectNode target, ObjectNode patch, JsonNode old) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            JsonNode oldChild = old == null ? null : old.get(e.getKey());
            if (v.isNull()) {
                target.remove(e.getKey());
            } else if (v.isTextual() && v.asText().equals(ConfigDocument.REDACTED)) {
                if (oldChild == null) {
                    throw OpenClawException.invalid("'" + e.getKey() + "' is the redaction placeholder but has no "
                            + "stored value to keep");
                }
                target.set(e.getKey(), oldChild.deepCopy());
            } else if (v.isObject()) {
                JsonNode existing = target.get(e.getKey());
                ObjectNode child = existing != null && existing.isObject() ? (ObjectNode) existing : Json.obj();
                mergeInto(child, (ObjectNode) v, oldChild);
                target.set(e.getKey(), child);
            } else {
                target.set(e.getKey(), v.deepCopy());
            }
        }
    }

    private JsonNode pairingList(WsCall call) {
        ObjectNode out = Json.obj();
        ArrayNode pending = out.putArray("pending");
        ArrayNode paired = out.putArray("paired");
        for (Device d : devices.list()) {
            (d.paired() ? paired : pending).add(view(d));
        }
        return out;
    }

    private JsonNode pairingApprove(WsCall call) {
        var p = call.params();
        String id = p.has("requestId") ? p.requireText("requestId") : p.has("code") ? p.requireText("code")
                : p.requireText("deviceId");
        ObjectNode out = Json.obj().put("ok", true);
        out.set("device", view(devices.approve(id)));
        return out;
    }

    private JsonNode pairingReject(WsCall call) {
        var p = call.params();
        String id = p.has("requestId") ? p.requireText("requestId") : p.requireText("deviceId");
        ObjectNode out = Json.obj().put("ok", true).put("removed", true);
        out.set("device", view(devices.remove(id)));
        return out;
    }

    static ObjectNode view(Device d) {
        ObjectNode o = Json.obj().put("requestId", d.requestId()).put("deviceId", d.id()).put("status", d.status())
                .put("publicKey", d.publicKey()).put("clientId", d.clientId()).put("clientMode", d.clientMode())
                .put("platform", d.platform()).put("role", d.role()).put("remoteIp", d.remoteAddress())
                .put("owner", d.ownerId()).put("createdAtMs", d.createdAt().toEpochMilli())
                .put("lastSeenAtMs", d.lastSeenAt().toEpochMilli());
        if (d.approvedAt() != null) {
            o.put("approvedAtMs", d.approvedAt().toEpochMilli());
        }
        ArrayNode scopes = o.putArray("scopes");
        d.scopes().forEach(scopes::add);
        return o;
    }

    private static String write(JsonNode n) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(JsonNode n) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(write(n).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
