package ai.openclaw.server.api.graphql;

import ai.openclaw.llm.ModelCatalog;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.session.ConversationStats;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The gateway's status (seed 001/004 {@code GET /api/v1/status}, {@code /system/status}) for any credential. */
final class StatusWiring {
    private final GatewayServices services;

    StatusWiring(GatewayServices services) {
        this.services = services;
    }

    void wire(RuntimeWiring.Builder w) {
        w.type("Query", t -> t.dataFetcher("status", this::status));
    }

    private Object status(DataFetchingEnvironment env) {
        GraphqlCaller.of(env);
        ConversationStats stats = services.conversations().stats();
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
        o.put("activeSessions", stats.sessions().active());
        o.put("totalSessions", stats.sessions().total());
        o.put("totalMessages", stats.sessions().messages());
        o.put("queueDepth", stats.queueDepth());
        o.put("turnsInFlight", stats.turnsInFlight());
        return o;
    }
}
