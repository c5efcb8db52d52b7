package ai.openclaw.task;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.ChatMessage;
import ai.openclaw.session.ConversationService;
import ai.openclaw.session.NewSession;
import ai.openclaw.session.TurnRequest;
import ai.openclaw.session.TurnResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The built-in task types. {@code agent} runs an agent turn on {@code parameters.message} (or {@code prompt},
 * {@code task}, {@code input}); {@code analysis} and {@code data-processing} run an agent over an input
 * ({@code text}, or a {@code fileUrl}/{@code url} fetched under the private-target rule) with the requested
 * {@code operations}. Other types (e.g. {@code skill}) plug in through {@link TaskService#register}.
 */
public final class TaskHandlers {
    /** The most characters of a fetched input passed to the model. */
    public static final int MAX_INPUT_CHARS = 100_000;

    private TaskHandlers() {
    }

    /** The {@code agent} type over the conversation core. */
    public static TaskHandler agent(ConversationService conversations) {
        return new TaskHandler() {
            @Override
            public List<String> types() {
                return List.of("agent");
            }

            @Override
            public void validate(Map<String, Object> p) {
                prompt(p);
                optText(p, "model");
                sessionParam(p);
            }

            @Override
            public Object run(TaskContext ctx) {
                ctx.progress(10);
                TurnResult r = turn(conversations, ctx, prompt(ctx.parameters()));
                ctx.progress(90);
                return reply(r);
            }
        };
    }

    /**
     * The {@code analysis} and {@code data-processing} types.
     *
     * @param conversations runs the agent turn
     * @param fetch reads a URL's text (enforcing the private-target rule and size limits)
     */
    public static TaskHandler analysis(ConversationService conversations, Function<String, String> fetch) {
        return new TaskHandler() {
            @Override
            public List<String> types() {
                return List.of("analysis", "data-processing");
            }

            @Override
            public void validate(Map<String, Object> p) {
                if (optText(p, "text") == null && optText(p, "content") == null && url(p) == null) {
                    throw OpenClawException.invalid("field 'input' needs one of 'text', 'fileUrl' or 'url'");
                }
                operations(p);
            }

            @Override
            public Object run(TaskContext ctx) {
                Map<String, Object> p = ctx.parameters();
                ctx.progress(5);
                String text = optText(p, "text") != null ? optText(p, "text") : optText(p, "content");
                String source = "inline text";
                if (text == null) {
                    source = url(p);
                    text = fetch.apply(source);
                }
                ctx.progress(40);
                if (text.length() > MAX_INPUT_CHARS) {
                    text = text.substring(0, MAX_INPUT_CHARS) + "\n[… truncated]";
                }
                List<String> ops = operations(p);
                String prompt = "You are running a background data task.\n"
                        + "Perform these operations on the input below and report each result under its own "
                        + "heading: " + String.join(", ", ops) + ".\n\nInput (" + source + "):\n" + text;
                TurnResult r = turn(conversations, ctx, prompt);
                ctx.progress(90);
                Map<String, Object> out = reply(r);
                out.put("summary", r.reply().content());
                out.put("operations", ops);
                out.put("source", source);
                out.put("inputChars", text.length());
                return out;
            }
        };
    }

    private static TurnResult turn(ConversationService conversations, TaskContext ctx, String prompt) {
        Map<String, Object> p = ctx.parameters();
        String named = sessionParam(p);
        String session = named != null ? named : ctx.taskId();
        // The template carries no id: the service then reads the stored session first, so another owner's session
        // answers "not found" like a missing one instead of failing the insert with "already exists".
        TurnRequest turn = new TurnRequest(session, ctx.owner(), true, new NewSession(null, "task " + ctx.taskId(),
                optText(p, "agentId"), null, ctx.owner(), null, Map.of("taskId", ctx.taskId())),
                optText(p, "model"), List.of(ChatMessage.user(prompt)), null, null, null);
        return conversations.runTurn(turn);
    }

    private static Map<String, Object> reply(TurnResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("content", r.reply().content());
        out.put("sessionId", r.session().id());
        out.put("messageId", r.reply().id());
        out.put("model", r.model().toString());
        out.put("usage", Map.of("input_tokens", r.usage().inputTokens(), "output_tokens", r.usage().outputTokens()));
        return out;
    }

    private static String prompt(Map<String, Object> p) {
        for (String f : List.of("message", "prompt", "task", "input")) {
            String v = optText(p, f);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        throw OpenClawException.invalid("field 'parameters.message' is required for an agent task "
                + "(or 'prompt', 'task', 'input')");
    }

    private static String url(Map<String, Object> p) {
        String u = optText(p, "fileUrl");
        return u != null ? u : optText(p, "url");
    }

    private static List<String> operations(Map<String, Object> p) {
        Object v = p.get("operations");
        if (v == null) {
            return List.of("summarize");
        }
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw OpenClawException.invalid("field 'operations' must be a non-empty array of strings");
        }
        List<String> ops = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s) || s.isBlank()) {
                throw OpenClawException.invalid("field 'operations[" + i + "]' must be a non-empty string");
            }
            ops.add(s);
        }
        return ops;
    }

    /**
     * The session a task's turn runs in: {@code sessionId}, {@code session_id} or {@code session} (the first given;
     * the HTTP dialects have already put it in the caller's per-key namespace), or null for a session of its own.
     */
    private static String sessionParam(Map<String, Object> p) {
        for (String f : List.of("sessionId", "session_id", "session")) {
            String v = optText(p, f);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String optText(Map<String, Object> p, String field) {
        Object v = p.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw OpenClawException.invalid("field '" + field + "' must be a string");
        }
        return s;
    }
}
