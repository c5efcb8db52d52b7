package ai.openclaw.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The webhook body is byte-identical to what JavaScript's JSON.stringify writes for its parsed value. */
class JsJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void numbersFollowEcmaScriptNumberToString() {
        assertThat(JsJson.number(100)).isEqualTo("100");
        assertThat(JsJson.number(1.0)).isEqualTo("1");
        assertThat(JsJson.number(0.1)).isEqualTo("0.1");
        assertThat(JsJson.number(-2.5)).isEqualTo("-2.5");
        assertThat(JsJson.number(1e21)).isEqualTo("1e+21");
        assertThat(JsJson.number(1e20)).isEqualTo("100000000000000000000");
        assertThat(JsJson.number(1e-7)).isEqualTo("1e-7");
        assertThat(JsJson.number(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(JsJson.number(0.000001)).isEqualTo("0.000001");
        assertThat(JsJson.number(123456.789)).isEqualTo("123456.789");
        assertThat(JsJson.number(Double.NaN)).isEqualTo("null");
    }

    @Test
    void stringsAreEscapedAsJavaScriptDoes() throws Exception {
        JsonNode n = MAPPER.readTree("{\"a\":\"\\u0001\\u001f\\b\\f\\n\\r\\t\\\"\\\\/\",\"b\":\"é今天\\u2028\","
                + "\"c\":[1,2.50,true,null,{}],\"d\":\"\\ud83d\\ude00\"}");
        assertThat(JsJson.stringify(n)).isEqualTo("{\"a\":\"\\u0001\\u001f\\b\\f\\n\\r\\t\\\"\\\\/\","
                + "\"b\":\"é今天\u2028\",\"c\":[1,2.5,true,null,{}],\"d\":\"😀\"}");
    }

    @Test
    void aBodyReparsedAndRestringifiedIsUnchanged() throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("session_id", "user_123");
        data.put("content", "今天天气怎么样\u0000\"x\"\n");
        data.put("tokens", 156);
        data.put("ratio", 0.75);
        data.put("big", 12345678901L);
        String body = DefaultWebhookService.body("message.received", Instant.parse("2026-04-17T01:20:00Z"), data);
        assertThat(body).startsWith("{\"event\":\"message.received\",\"timestamp\":\"2026-04-17T01:20:00Z\","
                + "\"data\":{");
        assertThat(JsJson.stringify(MAPPER.readTree(body))).isEqualTo(body);
    }

    @Test
    void signaturesAreHmacSha256OfTheRawBody() {
        assertThat(WebhookSigner.bodySignature("key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
        assertThat(WebhookSigner.standardSignature("key", "msg_1", 1700000000L, "{}")).startsWith("v1,");
    }
}
