package ai.openclaw.testkit;

import ai.openclaw.testkit.fake.FakeProvider;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The shared JUnit 5 fixture: a {@link FakeProvider} plus a {@link TestGateway} configured to use it, started once
 * per test class and stopped after it; the fake's script and recorded requests are reset before each test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final GatewayExtension env = GatewayExtension.withFakeProvider();
 * }</pre>
 */
public final class GatewayExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private final Function<FakeProvider, String> config;
    private FakeProvider fake;
    private TestGateway gateway;

    private GatewayExtension(Function<FakeProvider, String> config) {
        this.config = config;
    }

    /** A gateway whose default model {@code fake/fake-model} (OpenAI format) and {@code claude/claude-test}
     * (Anthropic format) are served by the fake provider. */
    public static GatewayExtension withFakeProvider() {
        return new GatewayExtension(f -> TestGateway.providerConfig(f.openAiBaseUrl(), f.anthropicBaseUrl()));
    }

    /**
     * A gateway with a custom config.yaml built from the fake provider (e.g. to add limits).
     *
     * @param config maps the started fake provider to the config file's text
     */
    public static GatewayExtension withConfig(Function<FakeProvider, String> config) {
        return new GatewayExtension(config);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        fake = FakeProvider.start();
        gateway = TestGateway.start(config.apply(fake));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        fake.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (gateway != null) {
            gateway.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    /** The running gateway. */
    public TestGateway gateway() {
        return gateway;
    }

    /** The fake provider behind it. */
    public FakeProvider fake() {
        return fake;
    }
}
