package ai.openclaw.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.error.ErrorCode;
import ai.openclaw.error.OpenClawException;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {
    private final SchemaValidator validator = new SchemaValidator();
    private final ToolDescriptor tool = new ToolDescriptor("t", "", "1.0.0", ToolJson.parse("""
            {"type":"object","properties":{"path":{"type":"string"},"opts":{"type":"object",
             "properties":{"depth":{"type":"integer","minimum":1}}}},"required":["path"]}"""), null, null, null,
            null);

    @Test
    void validArgumentsPass() {
        validator.validate(tool, ToolJson.parse("{\"path\":\"a\",\"opts\":{\"depth\":2}}"), "");
    }

    @Test
    void errorsNameTheFieldWithThePrefix() {
        assertThatThrownBy(() -> validator.validate(tool, ToolJson.parse("{\"path\":1}"), "parameters."))
                .isInstanceOf(OpenClawException.class).hasMessageContaining("'parameters.path'")
                .satisfies(e -> assertThat(((OpenClawException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        assertThatThrownBy(() -> validator.validate(tool, ToolJson.parse("{}"), "args."))
                .hasMessageContaining("'args.path'");
        assertThatThrownBy(() -> validator.validate(tool, ToolJson.parse("{\"path\":\"a\",\"opts\":{\"depth\":0}}"),
                "")).hasMessageContaining("'opts.depth'");
        assertThatThrownBy(() -> validator.validate(tool, ToolJson.parse("[1]"), ""))
                .hasMessageContaining("must be an object");
    }
}
