package ai.openclaw.server.ws;

import ai.openclaw.auth.Scopes;
import ai.openclaw.error.OpenClawException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The method table: each method with the credential scope it needs (the same scopes as HTTP: {@code chat},
 * {@code memory:read}, {@code tasks}, {@code admin}) and the OpenClaw scope the connection must have asked for
 * ({@code operator.read}, {@code operator.write} or {@code operator.admin}; {@code operator.admin} implies the others).
 */
final class WsMethods {
    /** What a method needs. */
    enum Access { READ, WRITE, ADMIN }

    private record Entry(String scope, Access access, WsMethod handler) {
    }

    private final Map<String, Entry> methods = new LinkedHashMap<>();

    void add(String name, String scope, Access access, WsMethod handler) {
        methods.put(name, new Entry(scope, access, handler));
    }

    List<String> names() {
        List<String> out = new ArrayList<>();
        out.add("connect");
        out.addAll(methods.keySet());
        return out;
    }

    /**
     * Runs a call.
     *
     * @throws OpenClawException INVALID_REQUEST for an unknown method, FORBIDDEN for a missing scope
     */
    com.fasterxml.jackson.databind.JsonNode dispatch(WsCall call, List<String> connectionScopes) {
        Entry e = methods.get(call.method());
        if (e == null) {
            throw OpenClawException.invalid("unknown method: " + call.method());
        }
        if (e.scope() != null && !call.principal().has(e.scope())) {
            throw OpenClawException.forbidden("this credential lacks the '" + e.scope() + "' scope");
        }
        boolean admin = connectionScopes.contains("operator.admin");
        boolean ok = switch (e.access()) {
            case READ -> admin || connectionScopes.contains("operator.read") || connectionScopes.contains("operator.write");
            case WRITE -> admin || connectionScopes.contains("operator.write");
            case ADMIN -> admin || (call.method().contains("pair") && connectionScopes.contains("operator.pairing"));
        };
        if (!ok) {
            throw OpenClawException.forbidden("missing scope: " + switch (e.access()) {
                case READ -> "operator.read";
                case WRITE -> "operator.write";
                case ADMIN -> "operator.admin";
            });
        }
        return e.handler().call(call);
    }

    static String chat() {
        return Scopes.CHAT;
    }
}
