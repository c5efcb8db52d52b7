package ai.openclaw.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.openclaw.error.ErrorCode;
import org.eclipse.jetty.http.BadMessageException;
import org.junit.jupiter.api.Test;

/** Jetty's own 4xx exceptions (thrown while a handler reads a malformed or stalled body) are client errors. */
class JettyErrorMappingTest {
    @Test
    void jettyClientErrorsAreNotInternalErrors() {
        assertThat(ErrorMapper.toOpenClaw(new BadMessageException(408, "Request content data rate < 256 B/s"), null)
                .code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(ErrorMapper.toOpenClaw(new BadMessageException(400, "Invalid chunk"), null).getMessage())
                .isEqualTo("malformed request: Invalid chunk");
        assertThat(ErrorMapper.toOpenClaw(new BadMessageException(413, "too big"), null).code())
                .isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    }
}
