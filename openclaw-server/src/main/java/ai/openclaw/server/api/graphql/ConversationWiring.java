package ai.openclaw.server.api.graphql;

import ai.openclaw.auth.Scopes;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.ChatMessage;
import ai.openclaw.server.GatewayServices;
import ai.openclaw.server.http.Origins;
import ai.openclaw.session.NewSession;
import ai.openclaw.session.Session;
import ai.openclaw.session.TurnRequest;
import ai.openclaw.session.TurnResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/**
 * Conversations and messages (seed 003 对话 API) over {@code ConversationService}: queries, the
 * {@code Conversation.agent} / {@code Conversation.messages} fields (batched), create, delete and {@code sendMessage}.
 */
final class ConversationWiring {
    private final GatewayServices services;

    ConversationWiring(GatewayServices services) {
        this.services = services;
    }

    void wire(RuntimeWiring.Builder w) {
        w.type("Query", t -> t
                .dataFetcher("conversations", this::conversations)
                .dataFetcher("conversation", this::conversation)
                .dataFetcher("messages", this::messages));
        w.type("Conversation", t -> t
                .dataFetcher("agent", this::agent)
                .dataFetcher("messages", this::conversationMessages));
        w.type("Mutation", t -> t
                .dataFetcher("createConversation", this::create)
                .dataFetcher("deleteConversation", this::delete)
                .dataFetcher("sendMessage", this::send));
    }

    private Object conversations(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.CHAT);
        Connections.Window w = Connections.window(env);
        return Connections.of(services.conversations().listSessions(c.owner(), w.offset(), w.limit()),
                Views::conversation);
    }

    private Object conversation(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.CHAT);
        return Views.conversation(services.conversations().getSession(c.sessionId(env.getArgument("id")), c.owner()));
    }

    private Object messages(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.CHAT);
        Connections.Window w = Connections.window(env);
        return Connections.of(services.conversations().messages(c.sessionId(env.getArgument("conversationId")),
                c.owner(), w.offset(), w.limit()), Views::message);
    }

    private CompletableFuture<Object> agent(DataFetchingEnvironment env) {
        GraphqlCaller.require(env, Scopes.CHAT);
        Map<String, Object> source = env.getSource();
        DataLoader<String, Object> loader = env.getDataLoader(Loaders.AGENTS);
        return loader.load((String) source.get("agentId"));
    }

    private CompletableFuture<Object> conversationMessages(DataFetchingEnvironment env) {
        GraphqlCaller.require(env, Scopes.CHAT);
        Map<String, Object> source = env.getSource();
        Connections.Window w = Connections.window(env);
        DataLoader<Loaders.MessagesKey, Object> loader = env.getDataLoader(Loaders.MESSAGES);
        return loader.load(new Loaders.MessagesKey((String) source.get("id"), w.offset(), w.limit()));
    }

    private Object create(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.CHAT);
        Map<String, Object> in = env.getArgumentOrDefault("input", Map.of());
        Map<String, Object> settings = new LinkedHashMap<>();
        Double temperature = Inputs.optDouble(in, "input.temperature", 0, 2);
        Integer maxTokens = Inputs.optInt(in, "input.maxTokens", 1, 1_000_000);
        if (temperature != null) {
            settings.put("temperature", temperature);
        }
        if (maxTokens != null) {
            settings.put("maxTokens", maxTokens);
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("context", Inputs.optObject(in, "input.context"));
        stored.put("settings", settings);
        String id = (String) in.get("id");
        Session s = services.conversations().createSession(new NewSession(id == null ? null : c.sessionId(id),
                (String) in.get("title"), (String) in.get("agentId"), (String) in.get("model"), c.ownerId(), null,
                stored));
        return Views.conversation(s);
    }

    private Object delete(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.CHAT);
        String id = c.sessionId(env.getArgument("id"));
        services.conversations().deleteSession(id, c.owner());
        return Views.deleted(id);
    }

    private Object send(DataFetchingEnvironment env) {
        GraphqlCaller c = GraphqlCaller.require(env, Scopes.CHAT);
        TurnResult r = services.conversations().runTurn(turn(services, c, env.getArguments()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("conversation", Views.conversation(r.session()));
        out.put("userMessage", r.input().isEmpty() ? null : Views.message(r.input().get(0)));
        out.put("message", Views.message(r.reply()));
        out.put("model", r.model().toString());
        out.put("usage", Views.usage(r.usage()));
        out.put("finishReason", r.finishReason());
        return out;
    }

    /**
     * The turn of {@code sendMessage} / {@code messageStream}: the message to an existing conversation of the
     * caller, with the conversation's stored temperature and token limit unless the arguments give them (as
     * {@code POST /v2/conversations/{id}/messages}).
     *
     * @throws OpenClawException INVALID_REQUEST naming a bad argument; NOT_FOUND for another owner's conversation
     */
    static TurnRequest turn(GatewayServices services, GraphqlCaller c, Map<String, Object> args) {
        String id = c.sessionId((String) args.get("conversationId"));
        String content = (String) args.get("content");
        if (content == null || content.isBlank()) {
            throw OpenClawException.invalid("argument 'content' must not be empty");
        }
        Session session = services.conversations().getSession(id, c.owner());
        Map<?, ?> settings = session.context().get("settings") instanceof Map<?, ?> m ? m : Map.of();
        Double temperature = Inputs.optDouble(args, "temperature", 0, 2);
        Integer maxTokens = Inputs.optInt(args, "maxTokens", 1, 1_000_000);
        if (temperature == null && settings.get("temperature") instanceof Number n) {
            temperature = n.doubleValue();
        }
        if (maxTokens == null && settings.get("maxTokens") instanceof Number n) {
            maxTokens = n.intValue();
        }
        return new TurnRequest(id, c.owner(), false, null, (String) args.get("model"),
                List.of(ChatMessage.user(content)), temperature, maxTokens, null)
                        .from(Origins.of("graphql", c.principal()));
    }
}
