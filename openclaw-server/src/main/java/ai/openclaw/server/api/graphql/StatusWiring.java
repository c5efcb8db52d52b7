package ai.openclaw.server.api.graphql;

import ai.openclaw.llm.ModelCatalog;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.auth.Scopes;
import ai.openclaw.session.ConversationStats;
import ai.openclaw.session.SessionStats;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway's status (seed 001/004 {@code GET /api/v1/status}, {@code /system/status}) for any credential: with the
 * {@code status} (or {@code admin}) scope the counts are the whole gateway's, else the caller's own (as REST).
 */
final class StatusWiring {
    private final GatewayServices services;

    StatusWiring(GatewayServices services) {
        this.services = services;
    }

    void wire(RuntimeWiring.Builder w) {
        w.type("Query", t -> t.dataFetcher("status", this::status));
    }

    private Object status(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.of(env);
        boolean instance = c.principal().has(Scopes.STATUS);
        ConversationStats stats = instance ? services.conversations().stats() : null;
        SessionStats counts = instance ? stats.sessions() : services.conversations().sessionStats(c.ownerId());
        ModelCatalog catalog = services.conversations().models();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("status", "running");
        o.put("version", services.version());
        o.put("uptimeSeconds", Duration.between(services.startedAt(), services.clock().instant()).toSeconds());
        o.put("startedAt", services.startedAt());
        o.put("defaultModel", catalog.defaultModel().toString());
        o.put("offline", catalog.defaultIsOffline());
        o.put("modelsAvailable", catalog.knownModels().size());
        o.put("providers", catalog.providers().size());
        o.put("countsScope", instance ? "instance" : "owner");
        o.put("activeSessions", counts.active());
        o.put("totalSessions", counts.total());
        o.put("totalMessages", counts.messages());
        o.put("tokenUsage", counts.tokenUsage());
        o.put("queueDepth", instance ? stats.queueDepth() : null);
        o.put("turnsInFlight", instance ? stats.turnsInFlight() : null);
        return o;
    }
}
