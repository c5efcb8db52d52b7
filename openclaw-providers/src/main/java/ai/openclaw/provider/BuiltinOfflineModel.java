package ai.openclaw.provider;

import ai.openclaw.llm.ChatModel;
import ai.openclaw.llm.ChatRequest;
import ai.openclaw.llm.ChatResponse;
import ai.openclaw.llm.StreamListener;
import ai.openclaw.llm.Usage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code builtin/offline}: the honest offline responder used when no provider is configured. It is not a
 * language model and says so in every reply, along with how to configure one, so that every API works on a
 * fresh machine without network (DESIGN.md §4).
 *
 * <p>So that the agent loop works offline, it calls a tool when the last user message has a fixed form and the
 * tool is offered: {@code /skill NAME ARG…} (arguments {@code {"args":[ARG…]}}), {@code /memory search QUERY},
 * {@code /memory add TEXT}, {@code /tool NAME {json}}. Once the tool results are back it answers with them.
 */
final class BuiltinOfflineModel implements ChatModel {
    /** The provider name. */
    static final String PROVIDER = "builtin";
    /** The model name. */
    static final String MODEL = "offline";
    private static final Pattern WORDS = Pattern.compile("\\S+\\s*|\\s+");
    private static final int ECHO_LIMIT = 80;

    @Override
    public ChatResponse chat(ChatRequest request) {
        ChatResponse tools = OfflineToolCalls.answer(request);
        if (tools != null) {
            return tools;
        }
        String text = reply(request);
        return new ChatResponse(text, PROVIDER + "/" + MODEL, usage(request, text), "stop");
    }

    @Override
    public ChatResponse stream(ChatRequest request, StreamListener listener) {
        ChatResponse tools = OfflineToolCalls.answer(request);
        if (tools != null) {
            if (!tools.hasToolCalls()) {
                streamWords(tools.text(), listener);
            }
            return tools;
        }
        String text = reply(request);
        Matcher m = WORDS.matcher(text);
        while (m.find()) {
            listener.onText(m.group());
        }
        return new ChatResponse(text, PROVIDER + "/" + MODEL, usage(request, text), "stop");
    }

    private static void streamWords(String text, StreamListener listener) {
        Matcher m = WORDS.matcher(text);
        while (m.find()) {
            listener.onText(m.group());
        }
    }

    private static String reply(ChatRequest request) {
        String asked = request.lastUserText().strip().replaceAll("\\s+", " ");
        if (asked.length() > ECHO_LIMIT) {
            asked = asked.substring(0, ECHO_LIMIT) + "…";
        }
        return "[builtin/offline] I am OpenClaw's offline responder, not a language model, so I cannot really answer"
                + (asked.isEmpty() ? "" : " \"" + asked + "\"") + ". Your message was received and stored. "
                + "To get real answers, add a provider under models.providers in config.yaml "
                + "(for example an OpenAI-compatible baseUrl and apiKey) and set models.default to provider/model.";
    }

    static Usage usage(ChatRequest request, String text) {
        int in = 0;
        for (var m : request.messages()) {
            in += Usage.estimateTokens(m.content());
        }
        return new Usage(in, Usage.estimateTokens(text));
    }
}
