package ai.openclaw.task;

import ai.openclaw.error.OpenClawException;
import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.Role;
import ai.openclaw.session.ConversationService;
import ai.openclaw.session.Message;
import ai.openclaw.session.NewSession;
import ai.openclaw.session.TurnOrigin;
import ai.openclaw.session.TurnRequest;
import ai.openclaw.session.TurnResult;
import ai.openclaw.util.Page;
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
                return turn(conversations, ctx, prompt(ctx.parameters()));
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
        return analysis(conversations, fetch, owner -> null);
    }

    /**
     * The {@code analysis} and {@code data-processing} types, with files named in the parameters ({@code
     * input_file}, {@code file}, {@code path}, any {@code *_file}) read from the owner's workspace.
     *
     * @param conversations runs the agent turn
     * @param fetch reads a URL's text (enforcing the private-target rule and size limits)
     * @param workspaces the workspace of an owner id (null: no workspace files)
     */
    public static TaskHandler analysis(ConversationService conversations, Function<String, String> fetch,
                                       Function<String, java.nio.file.Path> workspaces) {
        return new TaskHandler() {
            @Override
            public List<String> types() {
                return List.of("analysis", "data-processing");
            }

            @Override
            public void validate(Map<String, Object> p) {
                if (optText(p, "text") == null && optText(p, "content") == null && url(p) == null
                        && TaskFiles.named(p).isEmpty() && p.isEmpty()) {
                    throw OpenClawException.invalid("field 'input' needs one of 'text', 'fileUrl', 'url' or a "
                            + "workspace file such as 'input_file'");
                }
                operations(p);
            }

            @Override
            public Object run(TaskContext ctx) {
                Map<String, Object> p = ctx.parameters();
                ctx.progress(5);
                String text = optText(p, "text") != null ? optText(p, "text") : optText(p, "content");
                String source = "inline text";
                if (text == null && url(p) != null) {
                    source = url(p);
                    text = fetch.apply(source);
                } else if (text == null && !TaskFiles.named(p).isEmpty()) {
                    TaskFiles.Read read = TaskFiles.read(p, workspaces.apply(ctx.owner()), MAX_INPUT_CHARS);
                    source = read.source();
                    text = read.text();
                } else if (text == null) {
                    source = "parameters";
                    text = TaskFiles.describe(ctx, p);
                }
                ctx.progress(40);
                if (text.length() > MAX_INPUT_CHARS) {
                    text = text.substring(0, MAX_INPUT_CHARS) + "\n[… truncated]";
                }
                List<String> ops = operations(p);
                String prompt = "You are running a background data task.\n"
                        + "Perform these operations on the input below and report each result under its own "
                        + "heading: " + String.join(", ", ops) + ".\n\nInput (" + source + "):\n" + text;
                Map<String, Object> out = turn(conversations, ctx, prompt);
                out.put("summary", out.get("content"));
                out.put("operations", ops);
                out.put("source", source);
                out.put("inputChars", text.length());
                return out;
            }
        };
    }

    /**
     * The handler for task types without their own ({@link TaskService#register}): an agent task whose
     * instructions are the task's name, type and parameters, with files the parameters name (such as {@code
     * input_file}) read from the owner's workspace.
     *
     * @param conversations runs the agent turn
     * @param workspaces the workspace of an owner id (null: no workspace files)
     */
    public static TaskHandler generic(ConversationService conversations, Function<String, java.nio.file.Path> workspaces) {
        return new TaskHandler() {
            @Override
            public List<String> types() {
                return List.of(TaskService.ANY_TYPE);
            }

            @Override
            public void validate(Map<String, Object> p) {
                optText(p, "model");
                sessionParam(p);
            }

            @Override
            public Object run(TaskContext ctx) {
                Map<String, Object> p = ctx.parameters();
                ctx.progress(5);
                StringBuilder prompt = new StringBuilder(TaskFiles.describe(ctx, p));
                String source = "parameters";
                if (!TaskFiles.named(p).isEmpty()) {
                    TaskFiles.Read read = TaskFiles.read(p, workspaces.apply(ctx.owner()), MAX_INPUT_CHARS);
                    source = read.source();
                    prompt.append("\n\nInput (").append(source).append("):\n").append(read.text());
                }
                ctx.progress(40);
                Map<String, Object> out = turn(conversations, ctx, prompt.toString());
                out.put("summary", out.get("content"));
                out.put("source", source);
                return out;
            }
        };
    }

    /**
     * Runs the task's turn and returns its reply fields. Idempotent across re-runs: a re-run (attempt 2+) whose
     * session already holds this prompt answered as its last exchange returns that stored reply instead of asking
     * again; otherwise the turn runs on the session, creating it or appending to what an earlier attempt stored.
     */
    private static Map<String, Object> turn(ConversationService conversations, TaskContext ctx, String prompt) {
        Map<String, Object> p = ctx.parameters();
        String named = sessionParam(p);
        String session = named != null ? named : ctx.taskId();
        if (ctx.attempt() > 1) {
            Map<String, Object> stored = storedReply(conversations, session, ctx.owner(), prompt);
            if (stored != null) {
                ctx.progress(90);
                return stored;
            }
        }
        // the template has no id: the session may exist already (a named one, or an interrupted attempt's), and
        // another owner's session then answers "not found" like a missing one, never "already exists"
        TurnRequest turn = new TurnRequest(session, ctx.owner(), true, new NewSession(null, "task " + ctx.taskId(),
                optText(p, "agentId"), null, ctx.owner(), null, Map.of("taskId", ctx.taskId())),
                optText(p, "model"), List.of(ChatMessage.user(prompt)), null, null, null)
                        .from(new TurnOrigin("task", ctx.owner(), null));
        TurnResult r = conversations.runTurn(turn);
        ctx.progress(90);
        return reply(r);
    }

    /** The reply of the session's last exchange when it answered {@code prompt}, else null. */
    private static Map<String, Object> storedReply(ConversationService conversations, String session, String owner,
                                                   String prompt) {
        Page<Message> head;
        try {
            head = conversations.messages(session, owner, 0, 1);
        } catch (OpenClawException e) {
            return null; // no such session yet
        }
        long total = head.total();
        if (total < 2) {
            return null;
        }
        List<Message> last = conversations.messages(session, owner, (int) Math.max(0, total - 8), 8).items();
        Message reply = null;
        for (int i = last.size() - 1; i >= 0; i--) {
            Message m = last.get(i);
            if (reply == null) {
                if (m.role() != Role.ASSISTANT || !"text".equals(m.type())) {
                    return null;
                }
                reply = m;
            } else if (m.role() == Role.USER) {
                return prompt.equals(m.content()) ? reply(reply) : null;
            }
        }
        return null;
    }

    private static Map<String, Object> reply(Message m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("content", m.content());
        out.put("sessionId", m.sessionId());
        out.put("messageId", m.id());
        out.put("model", m.model());
        out.put("usage", Map.of("input_tokens", m.usage().inputTokens(), "output_tokens", m.usage().outputTokens()));
        return out;
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
