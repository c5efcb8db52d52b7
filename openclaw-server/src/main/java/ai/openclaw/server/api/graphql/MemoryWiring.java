package ai.openclaw.server.api.graphql;

import ai.openclaw.auth.Scopes;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.memory.MemoryFilter;
import ai.openclaw.memory.MemoryQuery;
import ai.openclaw.memory.MemoryType;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.MemoryParams;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Long-term memory (seed 001 记忆, seed 003 memories) over {@code MemoryService}: list, get, search, CRUD. */
final class MemoryWiring {
    private final GatewayServices services;

    MemoryWiring(GatewayServices services) {
        this.services = services;
    }

    void wire(RuntimeWiring.Builder w) {
        w.type("Query", t -> t
                .dataFetcher("memories", this::memories)
                .dataFetcher("memory", this::memory)
                .dataFetcher("searchMemories", this::search));
        w.type("Mutation", t -> t
                .dataFetcher("createMemory", this::create)
                .dataFetcher("updateMemory", this::update)
                .dataFetcher("deleteMemory", this::delete));
    }

    private static MemoryFilter filter(DataFetchingEnvironment env, GraphqlCaller c) {
        Set<String> tags = new LinkedHashSet<>();
        List<String> given = env.getArgument("tags");
        if (given != null) {
            given.stream().filter(s -> !s.isBlank()).map(String::strip).forEach(tags::add);
        }
        Set<MemoryType> types = new LinkedHashSet<>();
        String type = env.getArgument("type");
        if (type != null && !type.isBlank()) {
            for (String t : type.split(",")) {
                types.add(MemoryType.parse(t, "type"));
            }
        }
        return new MemoryFilter(c.owner(), blank(env.getArgument("agentId")), tags, types,
                blank(env.getArgument("source")));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private Object memories(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.MEMORY_READ);
        Connections.Window w = Connections.window(env);
        return Connections.of(services.memory().list(filter(env, c), w.offset(), w.limit()), Views::memory);
    }

    private Object memory(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.MEMORY_READ);
        return Views.memory(services.memory().get(env.getArgument("id"), c.owner()));
    }

    private Object search(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.MEMORY_READ);
        String query = env.getArgument("query");
        if (query == null || query.isBlank()) {
            throw OpenClawException.invalid("argument 'query' is required and must not be empty");
        }
        Double minScore = Inputs.optDouble(env.getArguments(), "minScore", 0, 1);
        return services.memory().search(new MemoryQuery(query, env.getArgument("limit"), minScore, filter(env, c),
                env.getArgument("halfLifeDays"))).stream().map(Views::hit).toList();
    }

    private Object create(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.MEMORY_WRITE);
        Map<String, Object> in = env.getArgument("input");
        return Views.memory(services.memory().add(MemoryParams.newMemory(Inputs.body(in), c.principal(),
                services.clock().instant())));
    }

    private Object update(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.MEMORY_WRITE);
        Map<String, Object> in = env.getArgument("input");
        return Views.memory(services.memory().update(env.getArgument("id"), c.owner(),
                MemoryParams.patch(Inputs.body(in), services.clock().instant())));
    }

    private Object delete(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.MEMORY_WRITE);
        String id = env.getArgument("id");
        services.memory().delete(id, c.owner());
        return Views.deleted(id);
    }
}
