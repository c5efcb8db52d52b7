package ai.openclaw.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.openclaw.error.OpenClawException;
import java.net.InetAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every spelling of an internal address is read as that address and refused; public ones pass; one lookup. */
class OutboundPolicyTest {
    private static final OutboundPolicy STRICT = new OutboundPolicy(false, host -> {
        throw new java.net.UnknownHostException(host + " (no DNS in this test)");
    }, OutboundPolicy::isInternal);

    private static CheckedTarget check(OutboundPolicy policy, String url) {
        return policy.check(URI.create(url), why -> OpenClawException.invalid("url " + why),
                () -> OpenClawException.invalid("unresolvable"),
                a -> OpenClawException.forbidden("refused " + a.getHostAddress()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "2130706433", "0177.0.0.1", "0x7f.1", "0x7f000001", "127.1", "127.0.1",
            "0177.1", "0x7F.0.0.1", "127.0.0.1.", "017700000001", "[::1]", "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]",
            "[::ffff:7f00:1]", "[::127.0.0.1]", "[64:ff9b::7f00:1]", "[2002:7f00:1::]", "[fe80::1%25eth0]",
            "0", "0.0.0.0", "[::]", "10.0.0.1", "012.1", "167772161", "172.16.0.1", "192.168.1.1", "0xc0.0xa8.1.1",
            "169.254.169.254", "0xa9fea9fe", "2852039166", "100.64.0.1", "198.18.0.1", "224.0.0.1", "255.255.255.255",
            "[fc00::1]", "[fd12:3456::1]", "[::ffff:10.0.0.1]", "[::ffff:169.254.169.254]", "[fec0::1]",
            "192.0.0.8"})
    void internalSpellingsAreRefused(String host) {
        assertThatThrownBy(() -> check(STRICT, "http://" + host + ":8080/x"))
                .as(host).isInstanceOf(OpenClawException.class).hasMessageStartingWith("refused ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "134744072", "0x08080808", "010.010.010.010", "8.8.2056", "[2606:4700::1111]",
            "[::ffff:8.8.8.8]", "1.1.1.1.", "93.184.216.34"})
    void publicAddressesPassAndAreTheOnesConnectedTo(String host) throws Exception {
        CheckedTarget t = check(STRICT, "https://" + host + "/");
        assertThat(t.addresses()).hasSize(1);
        assertThat(OutboundPolicy.isInternal(t.addresses().get(0))).isFalse();
        assertThat(t.port()).isEqualTo(443);
    }

    @Test
    void spellingsNormaliseToTheSameAddress() throws Exception {
        InetAddress loop = InetAddress.getByName("127.0.0.1");
        for (String s : new String[] {"2130706433", "0177.0.0.1", "0x7f.1", "127.1", "0x7f.0.0.1", "127.0.0.1.",
                "[::ffff:127.0.0.1]", "::ffff:7f00:1"}) {
            InetAddress a = IpLiterals.parse(s).orElseThrow(() -> new AssertionError(s));
            assertThat(a.getAddress()).as(s).isEqualTo(loop.getAddress());
        }
        assertThat(IpLiterals.parse("example.com")).isEmpty();
        assertThat(IpLiterals.parse("1e100.net")).isEmpty();
        assertThat(IpLiterals.parse("0x7f.example")).isEmpty();
        assertThat(IpLiterals.parse("256.1.1.1")).isEmpty();
        assertThat(IpLiterals.parse("1.2.3.4.5")).isEmpty();
        assertThat(IpLiterals.parse("08.1.1.1")).as("8 is no octal digit").isEmpty();
        assertThat(IpLiterals.parse("4294967296")).isEmpty();
    }

    @Test
    void aNameIsResolvedOnceAndEveryAddressMustBePublic() {
        AtomicInteger lookups = new AtomicInteger();
        OutboundPolicy rebinding = new OutboundPolicy(false, host -> {
            int n = lookups.incrementAndGet();
            return new InetAddress[] {InetAddress.getByName(n == 1 ? "8.8.8.8" : "127.0.0.1")};
        }, OutboundPolicy::isInternal);
        CheckedTarget t = check(rebinding, "http://rebind.test/x");
        assertThat(lookups.get()).isEqualTo(1);
        assertThat(t.addresses()).extracting(InetAddress::getHostAddress).containsExactly("8.8.8.8");
        assertThat(t.host()).isEqualTo("rebind.test");

        OutboundPolicy mixed = new OutboundPolicy(false, host -> new InetAddress[] {InetAddress.getByName("8.8.8.8"),
                InetAddress.getByName("10.1.2.3")}, OutboundPolicy::isInternal);
        assertThatThrownBy(() -> check(mixed, "http://mixed.test/")).hasMessage("refused 10.1.2.3");
        OutboundPolicy allowed = new OutboundPolicy(true, host -> new InetAddress[] {InetAddress.getByName(
                "127.0.0.1")}, OutboundPolicy::isInternal);
        assertThat(check(allowed, "http://localhost:1/").addresses()).hasSize(1);
    }

    @Test
    void badUrlsAreInvalid() {
        assertThatThrownBy(() -> check(STRICT, "ftp://8.8.8.8/")).hasMessageContaining("http or https");
        assertThatThrownBy(() -> check(STRICT, "http:///x")).hasMessageContaining("no host");
        assertThatThrownBy(() -> check(STRICT, "http://nowhere.invalid/")).hasMessage("unresolvable");
    }
}
