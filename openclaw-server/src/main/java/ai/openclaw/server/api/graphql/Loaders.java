package ai.openclaw.server.api.graphql;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import ai.openclaw.server.GatewayServices;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.Try;
import org.dataloader.stats.SimpleStatisticsCollector;
import org.dataloader.stats.Statistics;

/**
 * The operation's batched loaders (DataLoader): every {@code Conversation.agent} and {@code Conversation.messages}
 * of one query level is collected and loaded in one batch, each distinct key once — so a page of 50 conversations
 * answered by one agent loads that agent once, and their messages are loaded together rather than one query per
 * resolved field. Loads run synchronously on the operation's thread (so the caller's budgets and owner apply).
 */
final class Loaders {
    /** Agents by id (null for a deleted agent). */
    static final String AGENTS = "agents";
    /** Message pages by {@link MessagesKey}. */
    static final String MESSAGES = "messages";

    private Loaders() {
    }

    /**
     * One conversation's page of messages.
     *
     * @param conversationId the stored session id
     * @param offset messages to skip
     * @param limit page size
     */
    record MessagesKey(String conversationId, int offset, int limit) {
    }

    /** A fresh registry for one operation of {@code caller}. */
    static DataLoaderRegistry registry(GatewayServices services, GraphqlCaller caller) {
        DataLoaderOptions options = DataLoaderOptions.newOptions()
                .setStatisticsCollector(SimpleStatisticsCollector::new).build();
        DataLoader<String, Map<String, Object>> agents = DataLoaderFactory.newDataLoaderWithTry(
                (List<String> ids) -> CompletableFuture.completedFuture(agents(services, caller, ids)), options);
        DataLoader<MessagesKey, Map<String, Object>> messages = DataLoaderFactory.newDataLoaderWithTry(
                (List<MessagesKey> keys) -> CompletableFuture.completedFuture(messages(services, caller, keys)),
                options);
        return DataLoaderRegistry.newRegistry().register(AGENTS, agents).register(MESSAGES, messages).build();
    }

    /**
     * Each loader's counts for one operation: {@code loads} (fields that asked), {@code batches} (batch calls),
     * {@code keys} (keys loaded after de-duplication) — returned in {@code extensions.dataLoaders} when a request
     * asks with {@code "extensions": {"dataLoaderStats": true}}.
     */
    static Map<String, Object> statistics(DataLoaderRegistry registry) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : registry.getKeys()) {
            Statistics s = registry.getDataLoader(name).getStatistics();
            out.put(name, Map.of("loads", s.getLoadCount(), "batches", s.getBatchInvokeCount(),
                    "keys", s.getBatchLoadCount()));
        }
        return out;
    }

    private static List<Try<Map<String, Object>>> agents(GatewayServices services, GraphqlCaller caller,
                                                         List<String> ids) {
        Map<String, Try<Map<String, Object>>> byId = new LinkedHashMap<>();
        for (String id : ids) {
            byId.computeIfAbsent(id, k -> {
                try {
                    return Try.succeeded(Views.agent(services.agents().agents().get(k, caller.ownerId()),
                            services.agents().tools()));
                } catch (OpenClawException e) {
                    return e.code() == ErrorCode.NOT_FOUND ? Try.succeeded(null) : Try.failed(e);
                }
            });
        }
        List<Try<Map<String, Object>>> out = new ArrayList<>(ids.size());
        ids.forEach(id -> out.add(byId.get(id)));
        return out;
    }

    private static List<Try<Map<String, Object>>> messages(GatewayServices services, GraphqlCaller caller,
                                                           List<MessagesKey> keys) {
        List<Try<Map<String, Object>>> out = new ArrayList<>(keys.size());
        for (MessagesKey k : keys) {
            try {
                out.add(Try.succeeded(Connections.of(services.conversations().messages(k.conversationId(),
                        caller.owner(), k.offset(), k.limit()), Views::message)));
            } catch (RuntimeException e) {
                out.add(Try.failed(e));
            }
        }
        return out;
    }
}
