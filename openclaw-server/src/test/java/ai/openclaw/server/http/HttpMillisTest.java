package ai.openclaw.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class HttpMillisTest {
    @Test
    void printsWhatPercentPoint3fPrints() {
        for (long micros : new long[] {0, 1, 9, 10, 99, 100, 999, 1_000, 1_001, 1_234, 12_050, 987_654_321}) {
            assertEquals(String.format(Locale.ROOT, "%.3f", micros / 1000.0), Http.millis3(micros), "micros " + micros);
        }
    }
}
