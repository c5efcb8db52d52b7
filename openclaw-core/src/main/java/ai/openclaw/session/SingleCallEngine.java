package ai.openclaw.session;

import ai.openclaw.llm.ChatMessage;
import ai.openclaw.llm.ChatRequest;
import ai.openclaw.llm.ChatResponse;
import ai.openclaw.llm.ModelCatalog;
import ai.openclaw.llm.ResolvedModel;
import ai.openclaw.llm.StreamListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@link TurnEngine#singleCall(ModelCatalog)}: system prompt, history, input, one model call without tools. */
final class SingleCallEngine implements TurnEngine {
    private final ModelCatalog models;

    SingleCallEngine(ModelCatalog models) {
        this.models = Objects.requireNonNull(models, "models");
    }

    @Override
    public TurnOutcome run(TurnPlan plan, StreamListener listener) {
        ResolvedModel model = plan.requestedModel() != null ? plan.requestedModel()
                : models.resolve(plan.session().model());
        List<ChatMessage> prompt = new ArrayList<>();
        if (plan.systemPrompt() != null) {
            prompt.add(ChatMessage.system(plan.systemPrompt()));
        }
        prompt.addAll(plan.conversation());
        ChatRequest call = new ChatRequest(model.id().model(), prompt, plan.temperature(), plan.maxTokens(),
                plan.modelTimeout(), plan.options().clientTools(), plan.options().chat());
        long start = System.nanoTime();
        ChatResponse response = listener == null ? models.chat(model, call) : models.stream(model, call, listener,
                List.of());
        return new TurnOutcome(model, response, List.of(), response.usage(), System.nanoTime() - start, null);
    }
}
