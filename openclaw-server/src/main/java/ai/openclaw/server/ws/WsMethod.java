package ai.openclaw.server.ws;

import com.fasterxml.jackson.databind.JsonNode;

/** A gateway protocol method: answers a call with a payload, or with null when it answered by itself. */
@FunctionalInterface
interface WsMethod {
    /**
     * Handles the call.
     *
     * @return the {@code res} payload, or null when the method sent its response(s) itself
     * @throws ai.openclaw.error.OpenClawException answered as {@code ok: false}
     */
    JsonNode call(WsCall call);
}
