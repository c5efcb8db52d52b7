package ai.openclaw.tool;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * {@link ToolRegistry#overlay}: a base registry plus a few tools of one caller (an owner's workspace skills), for one
 * turn or call. The base's tools win on a name clash; registering goes to the caller's layer only.
 */
final class OverlayToolRegistry implements ToolRegistry {
    private final ToolRegistry base;
    private final ToolRegistry extra;

    OverlayToolRegistry(ToolRegistry base, List<Tool> tools, ExecutorService executor) {
        this.base = base;
        this.extra = new DefaultToolRegistry(executor);
        tools.forEach(extra::register);
    }

    @Override
    public void register(Tool tool) {
        extra.register(tool);
    }

    @Override
    public List<ToolDescriptor> list() {
        List<ToolDescriptor> out = new ArrayList<>(base.list());
        for (ToolDescriptor d : extra.list()) {
            if (base.find(d.name()).isEmpty()) {
                out.add(d);
            }
        }
        out.sort(Comparator.comparing(ToolDescriptor::name));
        return out;
    }

    @Override
    public Optional<Tool> find(String name) {
        return base.find(name).or(() -> extra.find(name));
    }

    @Override
    public ToolExecution execute(String name, JsonNode args, ToolContext context, Duration timeout,
                                 String fieldPrefix) {
        return base.find(name).isEmpty() && extra.find(name).isPresent()
                ? extra.execute(name, args, context, timeout, fieldPrefix)
                : base.execute(name, args, context, timeout, fieldPrefix);
    }
}
