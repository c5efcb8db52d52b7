package ai.openclaw.session;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.Role;

/**
 * A filter over stored messages (seed 003, 消息操作: {@code GET /v2/messages?conversationId=&role=&after=&limit=}).
 *
 * @param sessionId only this session's messages, or null for every session the owner sees
 * @param role only messages of this role, or null for all
 * @param afterId only messages stored after the message with this id (a cursor), or null from the start
 * @param limit page size; 1 to 1000
 */
public record MessageQuery(String sessionId, Role role, String afterId, int limit) {
    /** Validates the limit. */
    public MessageQuery {
        if (limit < 1 || limit > 1000) {
            throw OpenClawException.invalid("parameter 'limit' must be between 1 and 1000");
        }
    }
}
