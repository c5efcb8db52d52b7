package ai.openclaw.server.api.graphql;

import ai.openclaw.agent.Agent;
import ai.openclaw.agent.AgentSkill;
import ai.openclaw.agent.AgentSpec;
import ai.openclaw.auth.Scopes;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.tool.ToolDescriptor;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Agents and the skill catalogue (seed 003 "Agent 配置", 技能) over {@code AgentRuntime}. */
final class AgentWiring {
    private final GatewayServices services;

    AgentWiring(GatewayServices services) {
        this.services = services;
    }

    void wire(RuntimeWiring.Builder w) {
        w.type("Query", t -> t
                .dataFetcher("agents", this::agents)
                .dataFetcher("agent", this::agent)
                .dataFetcher("skills", this::skills));
        w.type("Mutation", t -> t
                .dataFetcher("createAgent", this::create)
                .dataFetcher("updateAgent", this::update)
                .dataFetcher("deleteAgent", this::delete)
                .dataFetcher("installSkill", this::installSkill));
    }

    private Map<String, Object> view(Agent a) {
        return Views.agent(a, services.agents().tools());
    }

    private Object agents(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.CHAT);
        Connections.Window w = Connections.window(env);
        return Connections.of(services.agents().agents().list(w.offset(), w.limit(), c.ownerId()), this::view);
    }

    private Object agent(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.CHAT);
        return view(services.agents().agents().get(env.getArgument("id"), c.ownerId()));
    }

    private Object skills(DataFetchingEnvironment env) {
        GraphqlCaller.require(env, Scopes.CHAT);
        Connections.Window w = Connections.window(env);
        String category = env.getArgument("category");
        List<ToolDescriptor> all = new ArrayList<>();
        for (ToolDescriptor d : services.agents().tools().list()) {
            if (category == null || category.isBlank() || category.equalsIgnoreCase(d.category())) {
                all.add(d);
            }
        }
        return Connections.of(all, w, Views::skill);
    }

    private Object create(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.CHAT);
        Map<String, Object> in = env.getArgument("input");
        Object name = in.get("name");
        if (!(name instanceof String s) || s.isBlank()) {
            throw OpenClawException.invalid("field 'input.name' is required");
        }
        return view(services.agents().agents().create(spec(in, true), c.ownerId()));
    }

    private Object update(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.CHAT);
        return view(services.agents().agents().update(env.getArgument("id"), spec(env.getArgument("input"), false),
                c.ownerId()));
    }

    private Object delete(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.CHAT);
        String id = env.getArgument("id");
        services.agents().agents().delete(id, c.ownerId());
        return Views.deleted(id);
    }

    private Object installSkill(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.CHAT);
        String skillId = skillId(env.getArgument("skillId"), "skillId");
        AgentSkill skill = new AgentSkill(skillId, true, env.getArgument("version"),
                Inputs.optObject(env.getArguments(), "config"));
        return view(services.agents().agents().installSkill(env.getArgument("agentId"), skill, c.ownerId()));
    }

    private static AgentSpec spec(Map<String, Object> in, boolean creating) {
        List<AgentSkill> skills = null;
        if (in.get("skills") instanceof List<?> list) {
            skills = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                skills.add(AgentSkill.of(skillId((String) list.get(i), "input.skills[" + i + "]")));
            }
        }
        return new AgentSpec(creating ? (String) in.get("id") : null, (String) in.get("name"),
                (String) in.get("description"), (String) in.get("model"), (String) in.get("systemPrompt"), skills,
                Inputs.optDouble(in, "input.temperature", 0, 2), Inputs.optInt(in, "input.maxTokens", 1, 10_000_000),
                (Boolean) in.get("memoryEnabled"), (String) in.get("workspace"));
    }

    private static String skillId(String id, String field) {
        if (id == null || id.isBlank() || id.length() > 64) {
            throw OpenClawException.invalid("argument '" + field + "' must be a skill id of 1-64 characters");
        }
        return id;
    }
}
