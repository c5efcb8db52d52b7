package ai.openclaw.server.ws;

import ai.openclaw.auth.Principal;
import ai.openclaw.server.http.Http;
import ai.openclaw.server.http.JsonBody;
import ai.openclaw.session.ConversationService;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One {@code req} frame being answered.
 *
 * @param client the connection it came on
 * @param id the request id ({@code res.id})
 * @param method the method name
 * @param params the parameters ({@code {}} when absent)
 * @param sessions maps the client's session keys to stored ids (its per-key namespace)
 */
record WsCall(WsClient client, String id, String method, JsonBody params, ConversationService sessions) {
    Principal principal() {
        return client.principal();
    }

    /** The stored session id for a session key the client named (the caller's per-key namespace, as over HTTP). */
    String sessionId(String key) {
        return Http.sessionId(principal(), sessions, key);
    }

    /** Answers with {@code ok: true}. */
    void ok(JsonNode payload) {
        client.ok(id, payload);
    }
}
