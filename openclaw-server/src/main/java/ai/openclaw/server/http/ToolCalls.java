package ai.openclaw.server.http;

import ai.openclaw.agent.Agent;
import ai.openclaw.auth.Principal;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.session.Session;
import ai.openclaw.tool.ToolContext;
import ai.openclaw.tool.ToolExecution;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** Runs a tool for an HTTP caller (the tool/skill execute APIs of every dialect): context, limits, validation. */
public final class ToolCalls {
    private ToolCalls() {
    }

    /**
     * The tools and skills a caller may call: the gateway's, plus the skills of the caller's own workspace (issue 10;
     * none for the operator).
     *
     * @param services the gateway
     * @param caller the authenticated caller
     * @return the descriptors, by name
     */
    public static java.util.List<ai.openclaw.tool.ToolDescriptor> visible(GatewayServices services, Principal caller) {
        Agent main = services.agents().agents().forTurn(Agent.MAIN, caller.ownerId());
        return services.agents().loop().toolsOf(caller.ownerId(),
                services.agents().loop().workspace(main, caller.ownerId())).list();
    }

    /**
     * Runs a tool in the context of a session's agent (or {@code main}).
     *
     * @param services the gateway
     * @param caller the authenticated caller
     * @param tool the tool name
     * @param args the arguments object
     * @param sessionKey a session whose agent's workspace is used, or null
     * @param fieldPrefix the arguments' field name prefix for errors, e.g. {@code parameters.}
     * @return the result
     * @throws OpenClawException NOT_FOUND for an unknown tool; INVALID_REQUEST naming the field; the tool's error
     */
    public static ToolExecution run(GatewayServices services, Principal caller, String tool, JsonNode args,
                                    String sessionKey, String fieldPrefix) {
        String agentId = Agent.MAIN;
        String sessionId = null;
        if (sessionKey != null && !sessionKey.isBlank()) {
            try {
                Session s = services.conversations().getSession(sessionKey, caller.ownerFilter());
                agentId = s.agentId();
                sessionId = s.id();
            } catch (OpenClawException e) {
                sessionId = null;
            }
        }
        Agent agent = services.agents().agents().forTurn(agentId, caller.ownerId());
        // the caller's own workspace (the operator's shared one only for the operator)
        java.nio.file.Path workspace = services.agents().loop().workspace(agent, caller.ownerId());
        ToolContext ctx = new ToolContext(sessionId, agent.id(), caller.ownerId(), caller.ownerFilter(), workspace, 0,
                null);
        Duration timeout = services.agents().limits().maxToolTime();
        // the gateway's tools, plus the caller's own workspace skills (instructions-only unless the operator allows)
        return services.agents().loop().toolsOf(caller.ownerId(), workspace).execute(tool, args, ctx, timeout,
                fieldPrefix);
    }
}
