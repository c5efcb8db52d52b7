package ai.openclaw.server.api.graphql;

import ai.openclaw.auth.Principal;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.server.http.Http;
import ai.openclaw.session.ConversationService;
import graphql.schema.DataFetchingEnvironment;
import java.util.Objects;

/**
 * The authenticated caller of one GraphQL operation, kept in the operation's {@code GraphQLContext}: the same
 * principal, scopes and owner rules as the REST dialects.
 *
 * @param principal who is calling; never null
 * @param sessions the conversation service (maps the client's session keys to stored ids)
 */
record GraphqlCaller(Principal principal, ConversationService sessions) {
    /** The context key. */
    static final String KEY = "openclaw.caller";

    GraphqlCaller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(sessions, "sessions");
    }

    /** The caller of the operation a data fetcher serves. */
    static GraphqlCaller of(DataFetchingEnvironment env) {
        GraphqlCaller c = env.getGraphQlContext().get(KEY);
        if (c == null) {
            throw OpenClawException.unauthorized("missing credentials");
        }
        return c;
    }

    /**
     * The caller, refused unless it holds {@code scope}.
     *
     * @throws OpenClawException FORBIDDEN naming the missing scope
     */
    static GraphqlCaller require(DataFetchingEnvironment env, String scope) {
        GraphqlCaller c = of(env);
        if (!c.principal.has(scope)) {
            throw OpenClawException.forbidden("this credential lacks the '" + scope + "' scope");
        }
        return c;
    }

    /** The owner filter for reads: null for administrators, else the caller's id. */
    String owner() {
        return principal.ownerFilter();
    }

    /** The owner stamped on what the caller creates. */
    String ownerId() {
        return principal.ownerId();
    }

    /** The stored id of a session id the client chose (the caller's per-key namespace, as in REST). */
    String sessionId(String clientId) {
        return Http.sessionId(principal, sessions, clientId);
    }
}
