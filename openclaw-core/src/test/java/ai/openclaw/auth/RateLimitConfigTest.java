package ai.openclaw.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.config.ConfigDocument;
import ai.openclaw.config.GatewayConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading {@code gateway.rate_limit}: seed 002's top-level values, plan overrides, the gateway token, errors. */
class RateLimitConfigTest {
    @TempDir
    Path dir;

    RateLimitConfig read(String yaml) throws IOException {
        Path f = dir.resolve("config.yaml");
        Files.writeString(f, yaml);
        return RateLimitConfig.from(GatewayConfig.from(ConfigDocument.load(f, Map.of())));
    }

    static Principal key(String plan) {
        return new Principal("k", "k", Scopes.DEFAULT, plan);
    }

    @Test
    void seed002ValuesSetTheDefaultPlan() throws IOException {
        RateLimitConfig c = read("gateway:\n  rate_limit:\n    requests_per_minute: 120\n    burst: 20\n"
                + "    concurrent: 7\n");
        RateLimitPolicy free = c.policyFor(key("free"));
        assertThat(free.requestsPerMinute()).isEqualTo(120);
        assertThat(free.burstCapacity()).isEqualTo(20);
        assertThat(free.concurrent()).isEqualTo(7);
        assertThat(free.requestsPerHour()).isEqualTo(1000);
        assertThat(c.policyFor(key("pro")).requestsPerMinute()).isEqualTo(600);
        assertThat(c.policyFor(Principal.GATEWAY)).isEqualTo(RateLimitPolicy.UNLIMITED);
        assertThat(c.authFailuresPerMinute()).isEqualTo(30);
    }

    @Test
    void emptyConfigGivesTheSeedDefaults() throws IOException {
        RateLimitConfig c = read("");
        assertThat(c.policyFor(key("free"))).isEqualTo(RateLimitConfig.DEFAULT_PLANS.get("free"));
        assertThat(c.policyFor(key("unknown-plan"))).isEqualTo(RateLimitConfig.DEFAULT_PLANS.get("free"));
    }

    @Test
    void plansGatewayTokenAndSwitchOff() throws IOException {
        RateLimitConfig c = read("gateway:\n  rate_limit:\n    plans:\n      pro: { requests_per_minute: 1200 }\n"
                + "      team: { concurrent: 9 }\n    gateway_token: { requests_per_minute: 5000, burst: 500 }\n"
                + "    auth_failures_per_minute: 0\n");
        assertThat(c.policyFor(key("pro")).requestsPerMinute()).isEqualTo(1200);
        assertThat(c.policyFor(key("pro")).concurrent()).isEqualTo(20);
        assertThat(c.policyFor(key("team")).concurrent()).isEqualTo(9);
        assertThat(c.policyFor(Principal.GATEWAY).requestsPerMinute()).isEqualTo(5000);
        assertThat(c.authFailuresPerMinute()).isZero();
        Principal overridden = new Principal("k", "k", Scopes.DEFAULT, "pro",
                new KeyLimits(null, null, null, 2L, null, null, null, null));
        assertThat(c.policyFor(overridden).concurrent()).isEqualTo(2);
        assertThat(c.policyFor(overridden).requestsPerMinute()).isEqualTo(1200);
        assertThat(read("gateway:\n  rate_limit:\n    enabled: false\n").policyFor(key("free")))
                .isEqualTo(RateLimitPolicy.UNLIMITED);
    }

    @Test
    void badValuesNameTheConfigPath() {
        assertThatThrownBy(() -> read("gateway:\n  rate_limit:\n    plans:\n      pro: { speed: 3 }\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gateway.rate_limit.plans.pro.speed");
        assertThatThrownBy(() -> read("gateway:\n  rate_limit:\n    concurrent: -1\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gateway.rate_limit.concurrent");
        assertThatThrownBy(() -> read("gateway:\n  rate_limit:\n    gateway_token: { burst: lots }\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gateway.rate_limit.gateway_token.burst");
    }
}
