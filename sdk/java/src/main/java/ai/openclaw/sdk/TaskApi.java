package ai.openclaw.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Seed 003 tasks ({@code /v2/tasks}) with progress and waiting. */
public final class TaskApi {
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");
    private final Transport t;

    TaskApi(Transport t) {
        this.t = t;
    }

    /**
     * Queues a task.
     *
     * @param type {@code agent}, {@code analysis}, {@code data-processing}, …
     * @param input the task's input object (may be null)
     */
    public JsonNode create(String type, Object input) {
        ObjectNode b = Transport.JSON.createObjectNode().put("type", type);
        if (input != null) {
            b.set("input", Transport.JSON.valueToTree(input));
        }
        return t.request("POST", "/v2/tasks", b);
    }

    /** A task ({@code status}, {@code progress} 0–100, {@code result}). */
    public JsonNode get(String id) {
        return t.request("GET", "/v2/tasks/" + ConversationApi.enc(id), null);
    }

    /** Cancels a task. */
    public JsonNode cancel(String id) {
        return t.request("DELETE", "/v2/tasks/" + ConversationApi.enc(id), null);
    }

    /** One page of tasks. */
    public Page list(int limit, int offset) {
        return Page.of(t, "/v2/tasks", "tasks", limit, offset);
    }

    /** The task after every status/progress change until it finishes (close to stop early). */
    public Stream<JsonNode> events(String id) {
        return t.events("GET", "/v2/tasks/" + ConversationApi.enc(id) + "/events", null);
    }

    /**
     * Waits until the task finishes, calling {@code onProgress} with each change.
     *
     * @return the finished task
     */
    public JsonNode waitFor(String id, Consumer<JsonNode> onProgress) {
        while (true) {
            try (Stream<JsonNode> s = events(id)) {
                for (JsonNode task : (Iterable<JsonNode>) s::iterator) {
                    onProgress.accept(task);
                    if (TERMINAL.contains(task.path("status").asText())) {
                        return task;
                    }
                }
            }
            JsonNode task = get(id);
            if (TERMINAL.contains(task.path("status").asText())) {
                return task;
            }
        }
    }
}
