package ai.openclaw.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation and factories of {@link FakeReply} and {@link FakeToolCall}. */
class FakeReplyTest {

    @Test
    void factoriesSetKindAndStatus() {
        assertThat(FakeReply.text("hi").kind()).isEqualTo(FakeReply.Kind.TEXT);
        assertThat(FakeReply.text("hi").status()).isEqualTo(200);
        assertThat(FakeReply.echo().kind()).isEqualTo(FakeReply.Kind.ECHO);
        assertThat(FakeReply.hang().kind()).isEqualTo(FakeReply.Kind.HANG);
        assertThat(FakeReply.streamThenFail("p").text()).isEqualTo("p");
        FakeReply error = FakeReply.error(503, "down");
        assertThat(error.kind()).isEqualTo(FakeReply.Kind.ERROR);
        assertThat(error.status()).isEqualTo(503);
        assertThat(error.text()).isEqualTo("down");
    }

    @Test
    void delayedAddsUpAndKeepsTheReply() {
        FakeReply reply = FakeReply.delayed(Duration.ofMillis(20),
                FakeReply.delayed(Duration.ofMillis(30), FakeReply.text("x").withUsage(1, 2)));

        assertThat(reply.delay()).isEqualTo(Duration.ofMillis(50));
        assertThat(reply.text()).isEqualTo("x");
        assertThat(reply.promptTokens()).isEqualTo(1);
        assertThat(reply.completionTokens()).isEqualTo(2);
        assertThat(FakeReply.text("y").delay()).isEqualTo(Duration.ZERO);
    }

    @Test
    void invalidRepliesAreRejected() {
        assertThatThrownBy(() -> FakeReply.error(200, "not an error")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeReply.error(600, "too big")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeReply.error(500, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeReply.toolCalls(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeReply.delayed(Duration.ofMillis(-1), FakeReply.text("x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeReply.text("x").withUsage(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeReply.text(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new FakeReply(FakeReply.Kind.TEXT, "x",
                List.of(FakeToolCall.of("f", "{}")), 200, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FakeReply(FakeReply.Kind.TEXT, "x", null, 500, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toolCallsValidateTheirArguments() {
        FakeToolCall call = FakeToolCall.of("lookup", "{\"q\":\"x\"}");
        assertThat(call.id()).startsWith("call_");
        assertThat(call.arguments().path("q").asText()).isEqualTo("x");
        assertThat(new FakeToolCall("id1", "noargs", null).argumentsJson()).isEqualTo("{}");

        assertThatThrownBy(() -> FakeToolCall.of("f", "{broken")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeToolCall.of("f", "[1,2]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeToolCall.of(" ", "{}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toolCallListIsCopied() {
        List<FakeToolCall> calls = new java.util.ArrayList<>(List.of(FakeToolCall.of("f", "{}")));
        FakeReply reply = FakeReply.toolCalls(calls);
        calls.clear();

        assertThat(reply.toolCalls()).hasSize(1);
        assertThat(reply.text()).isEmpty();
    }
}
